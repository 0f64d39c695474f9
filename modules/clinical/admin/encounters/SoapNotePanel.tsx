/**
 * One SOAP note: a draft is edited by its author, saved and signed; a signed note is read-only
 * and corrected only by addenda, listed under it with author and time.
 */
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, useCanAccess, useGetIdentity, useNotify, useTranslate, useUpdate } from 'react-admin';
import { useRecordAction } from '../../../../admin/kit.js';

const SECTIONS = ['subjective', 'objective', 'assessment', 'plan'] as const;
type Section = (typeof SECTIONS)[number];

export interface SoapNote extends Partial<Record<Section, string | null>> {
  id: string;
  version: number;
  authorId: string;
  authorName?: string;
  signedAt?: string | null;
  signedByName?: string | null;
  addenda?: { id: string; text: string; authorName: string; createdAt: string }[];
}

const when = (iso: string) => new Date(iso).toLocaleString();

function DraftEditor({ note }: { note: SoapNote }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [values, setValues] = useState(() => Object.fromEntries(SECTIONS.map((s) => [s, note[s] ?? ''])) as Record<Section, string>);
  const [confirming, setConfirming] = useState(false);
  // Each save bumps the note's version (optimistic lock): the next save must send the new one.
  const [version, setVersion] = useState(note.version);
  const [update, { isPending: saving }] = useUpdate();
  const sign = useRecordAction('soap-notes', 'sign', { successMessage: translate('clinical.sign') });
  const { canAccess: maySign } = useCanAccess({ resource: 'soap-notes', action: 'sign' });
  const save = (then?: () => void) =>
    update(
      'soap-notes',
      { id: note.id, data: { ...values, version }, previousData: note },
      {
        mutationMode: 'pessimistic',
        onSuccess: (saved) => {
          setVersion(saved.version);
          if (then) then();
          else notify('clinical.saved', { type: 'success' });
        },
        onError: (e: any) => notify(e?.body?.message ?? e.message, { type: 'error' }),
      },
    );
  return (
    <Stack spacing={2}>
      {SECTIONS.map((s) => (
        <TextField
          key={s}
          name={s}
          label={translate(`resources.soap-notes.fields.${s}`)}
          value={values[s]}
          onChange={(e) => setValues((v) => ({ ...v, [s]: e.target.value }))}
          multiline
          minRows={s === 'plan' || s === 'subjective' ? 3 : 2}
          fullWidth
        />
      ))}
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" disabled={saving} onClick={() => save()}>
          {translate('clinical.save_draft')}
        </Button>
        {maySign && (
          <Button variant="contained" disabled={saving || sign.isPending} onClick={() => setConfirming(true)}>
            {translate('clinical.sign')}
          </Button>
        )}
      </Stack>
      <Confirm
        isOpen={confirming}
        title="clinical.sign"
        content="clinical.sign_confirm"
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          save(() => sign.mutate({ id: note.id }));
        }}
      />
    </Stack>
  );
}

function SignedNote({ note }: { note: SoapNote }) {
  const translate = useTranslate();
  const [text, setText] = useState('');
  const amend = useRecordAction('soap-notes', 'addenda', { successMessage: translate('clinical.saved') });
  const { canAccess: mayAmend } = useCanAccess({ resource: 'soap-notes', action: 'amend' });
  return (
    <Stack spacing={1}>
      <NoteSections note={note} />
      <Alert severity="success" icon={false}>
        {translate('clinical.signed_by', { name: note.signedByName ?? '', at: when(note.signedAt!) })}
      </Alert>
      {!!note.addenda?.length && <Typography variant="subtitle2">{translate('clinical.addenda')}</Typography>}
      {note.addenda?.map((a) => (
        <Paper key={a.id} variant="outlined" sx={{ p: 1 }}>
          <Typography variant="caption">
            {a.authorName} · {when(a.createdAt)}
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{a.text}</Typography>
        </Paper>
      ))}
      {mayAmend && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField name="addendum" label={translate('clinical.addendum_text')} value={text} onChange={(e) => setText(e.target.value)} multiline fullWidth size="small" />
          <Button
            variant="outlined"
            disabled={!text.trim() || amend.isPending}
            onClick={() => amend.mutate({ id: note.id, body: { text } }, { onSuccess: () => setText('') })}
          >
            {translate('clinical.add_addendum')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}

export function SoapNotePanel({ note }: { note: SoapNote }) {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const mine = identity?.id === note.authorId;
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      {!note.signedAt && (
        <Typography variant="caption" sx={{ display: 'block', mb: 1 }}>
          {translate('clinical.draft_by', { name: note.authorName ?? '' })}
        </Typography>
      )}
      {note.signedAt ? <SignedNote note={note} /> : mine ? <DraftEditor note={note} /> : <NoteSections note={note} />}
    </Paper>
  );
}

/** The written sections, read-only: a signed note, or someone else's draft. */
function NoteSections({ note }: { note: SoapNote }) {
  const translate = useTranslate();
  return (
    <>
      {SECTIONS.filter((s) => note[s]).map((s) => (
        <Box key={s}>
          <Typography variant="overline">{translate(`resources.soap-notes.fields.${s}`)}</Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{note[s]}</Typography>
        </Box>
      ))}
    </>
  );
}
