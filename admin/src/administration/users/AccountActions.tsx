/**
 * Deactivate / reactivate an account and set a new password. Each ends the account's open
 * sessions on the server; the buttons show only to those granted `update` on users.
 */
import { useState } from 'react';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import KeyIcon from '@mui/icons-material/Key';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { Button, Confirm, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { useRecordAction } from '../../kit/useRecordAction.js';

export function ActivationButton() {
  const record = useRecordContext();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'users', action: 'update', record });
  const action = record?.active ? 'deactivate' : 'activate';
  const run = useRecordAction('users', action, { successMessage: `his.users.${action}d` });
  if (!record || !canAccess) return null;
  return (
    <>
      <Button label={`his.users.${action}`} onClick={() => setOpen(true)} color={record.active ? 'error' : 'primary'} data-testid={`user-${action}`}>
        {record.active ? <BlockIcon /> : <CheckCircleIcon />}
      </Button>
      <Confirm
        isOpen={open}
        loading={run.isPending}
        title={`his.users.${action}_title`}
        content={`his.users.${action}_confirm`}
        translateOptions={{ name: record.name, email: record.email }}
        onConfirm={() => run.mutate({ id: record.id }, { onSettled: () => setOpen(false) })}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

export function ResetPasswordButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { canAccess } = useCanAccess({ resource: 'users', action: 'update', record });
  const run = useRecordAction('users', 'reset-password', { successMessage: 'his.users.password_reset' });
  if (!record || !canAccess) return null;
  const close = () => {
    setOpen(false);
    setPassword('');
    setError(null);
  };
  const submit = () =>
    run.mutate(
      { id: record.id, body: { password } },
      {
        onSuccess: close,
        onError: (err: any) => setError(err?.body?.errors?.password ?? err?.message ?? String(err)),
      },
    );
  return (
    <>
      <Button label="his.users.reset_password" onClick={() => setOpen(true)}>
        <KeyIcon />
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby="reset-password-title">
        <DialogTitle id="reset-password-title">{translate('his.users.reset_password_title', { name: record.name })}</DialogTitle>
        <DialogContent>
          <TextField
            name="newPassword"
            type="password"
            label={translate('his.users.new_password')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={Boolean(error)}
            helperText={error ?? translate('his.users.password_hint')}
            autoComplete="new-password"
            fullWidth
            autoFocus
            margin="dense"
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" onClick={submit} disabled={!password || run.isPending}>
            {translate('his.users.reset_password')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
