import { Alert } from '@mui/material';
import { Edit, SimpleForm, useRecordContext } from 'react-admin';
import { ReferralInputs } from './ReferralInputs.js';

/** The approver's comment, when an approval sent the referral back. */
function RefusalNote() {
  const record = useRecordContext();
  return record?.approvalComment ? <Alert severity="warning">{record.approvalComment}</Alert> : null;
}

/** Only drafts can be edited (the API answers 409 otherwise). */
export function ReferralEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <RefusalNote />
        <ReferralInputs />
      </SimpleForm>
    </Edit>
  );
}
