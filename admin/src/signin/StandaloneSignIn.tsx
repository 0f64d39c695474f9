/** The page a signed-out visitor gets before any of the application's code has loaded. */
import { useState } from 'react';
import { Box, Button } from '@mui/material';
import { LOCALE_NAMES } from '../i18n/locales.js';
import { shellText, storedLocale, storeLocale } from './locale.js';
import { SignInForm } from './SignInForm.js';
import { signIn } from './signIn.js';

export function StandaloneSignIn({ onSignedIn }: { onSignedIn(): void }) {
  const [locale, setLocale] = useState(storedLocale);
  const choose = (l: string) => {
    storeLocale(l);
    setLocale(l);
  };
  return (
    <SignInForm
      t={(key) => shellText(locale, key)}
      onSignIn={async (email, password) => {
        await signIn(email, password);
        onSignedIn();
      }}
      footer={
        <Box sx={{ display: 'flex', justifyContent: 'center', gap: 1, mt: 2 }} role="group" aria-label="Language">
          {LOCALE_NAMES.map((l) => (
            <Button key={l.locale} size="small" variant={l.locale === locale ? 'outlined' : 'text'} onClick={() => choose(l.locale)} lang={l.locale}>
              {l.name}
            </Button>
          ))}
        </Box>
      }
    />
  );
}
