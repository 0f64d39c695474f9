/** The application's login route (after signing out or when a session ends). */
import { Box } from '@mui/material';
import { LocalesMenuButton, useLogin, useTranslate } from 'react-admin';
import { SignInForm } from '../signin/SignInForm.js';

export function LoginPage() {
  const login = useLogin();
  const translate = useTranslate();
  return (
    <SignInForm
      t={(key) => translate(key)}
      onSignIn={(email, password) => login({ email, password })}
      footer={
        <Box sx={{ display: 'flex', justifyContent: 'center', mt: 2 }}>
          <LocalesMenuButton />
        </Box>
      }
    />
  );
}
