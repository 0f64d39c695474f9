/**
 * Entry point. A signed-out visitor gets the sign-in page alone; react-admin, MUI's data
 * components and every module load only once there is a session to use them with.
 */
import { lazy, StrictMode, Suspense, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { readSession } from './providers/session.js';
import { StandaloneSignIn } from './signin/StandaloneSignIn.js';

const App = lazy(() => import('./App.js').then((m) => ({ default: m.App })));

function Root() {
  const [signedIn, setSignedIn] = useState(() => readSession() !== null);
  if (!signedIn) return <StandaloneSignIn onSignedIn={() => setSignedIn(true)} />;
  return (
    <Suspense fallback={<div role="progressbar" aria-label="Loading" style={{ padding: 32, fontFamily: 'sans-serif' }}>…</div>}>
      <App />
    </Suspense>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
