/**
 * The sign-in form: e-mail, password, and the server's own wording when it refuses
 * (wrong password, deactivated or locked account). Shared by the page shown before the
 * application loads and by the application's own login route.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, TextField, Typography } from '@mui/material';
import LocalHospitalIcon from '@mui/icons-material/LocalHospital';

export interface SignInFormProps {
  onSignIn(email: string, password: string): Promise<unknown>;
  t(key: string): string;
  /** Extra controls under the form (the language switcher). */
  footer?: ReactNode;
}

export function SignInForm({ onSignIn, t, footer }: SignInFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    onSignIn(String(form.get('email') ?? '').trim(), String(form.get('password') ?? ''))
      .catch((err: { message?: string }) => {
        setError(err?.message || t('his.login.failed'));
        setBusy(false);
      });
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: '#e0f2f1', p: 2 }}>
      <Card sx={{ width: 380, maxWidth: '100%' }}>
        <CardContent>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 2 }}>
            <LocalHospitalIcon sx={{ color: '#00695c' }} fontSize="large" />
            <Typography variant="h6" component="h1">
              {t('his.app')}
            </Typography>
          </Box>
          <form onSubmit={submit} noValidate aria-label={t('his.login.title')}>
            <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
              <TextField name="email" type="email" label={t('his.login.email')} autoComplete="username" required autoFocus fullWidth />
              <TextField name="password" type="password" label={t('his.login.password')} autoComplete="current-password" required fullWidth />
              {error && (
                <Alert severity="error" role="alert" data-testid="login-error">
                  {error}
                </Alert>
              )}
              <Button type="submit" variant="contained" disabled={busy} startIcon={busy ? <CircularProgress size={16} /> : undefined} fullWidth sx={{ bgcolor: '#00695c' }}>
                {t('his.login.submit')}
              </Button>
            </Box>
          </form>
          {footer}
        </CardContent>
      </Card>
    </Box>
  );
}
