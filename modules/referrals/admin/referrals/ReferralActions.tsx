/** What can be done with a referral at its stage: edit and submit a draft, record the answer, print. */
import { Button } from '@mui/material';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import SendIcon from '@mui/icons-material/Send';
import { EditButton, TopToolbar, useCanAccess, useNotify, useRecordContext } from 'react-admin';
import { openPdf, useRecordAction } from '../../../../admin/kit.js';
import { AnswerButton } from './AnswerButton.js';

function SubmitButton() {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'referrals', action: 'submit', record });
  const submit = useRecordAction('referrals', 'submit', { successMessage: 'Referral submitted' });
  if (!record || !canAccess || record.status !== 'draft') return null;
  return (
    <Button startIcon={<SendIcon />} variant="contained" disabled={submit.isPending} onClick={() => submit.mutate({ id: record.id })}>
      Submit
    </Button>
  );
}

function LetterButton() {
  const record = useRecordContext();
  const notify = useNotify();
  if (!record) return null;
  return (
    <Button startIcon={<PictureAsPdfIcon />} onClick={() => openPdf(`/api/referrals/${record.id}/pdf`).catch((e: Error) => notify(e.message, { type: 'error' }))}>
      Letter (PDF)
    </Button>
  );
}

export function ReferralActions() {
  const record = useRecordContext();
  return (
    <TopToolbar>
      {record?.status === 'draft' && <EditButton />}
      <SubmitButton />
      {record?.status === 'sent' && (
        <>
          <AnswerButton action="accept" access="record-reply" label="Accepted" field="reply" withAppointment />
          <AnswerButton action="reject" access="record-reply" label="Refused" field="reply" />
        </>
      )}
      {record?.status === 'accepted' && <AnswerButton action="complete" access="complete" label="Complete" field="outcome" />}
      <LetterButton />
    </TopToolbar>
  );
}
