/** Guards a module's custom page with read access on its resource, like resource pages. */
import type { ReactNode } from 'react';
import { Loading, useCanAccess } from 'react-admin';
import { NotAllowed } from './NotAllowed.js';

export function RequireRead({ resource, children }: { resource: string; children: ReactNode }) {
  const { canAccess, isPending } = useCanAccess({ resource, action: 'read' });
  if (isPending) return <Loading />;
  return canAccess ? <>{children}</> : <NotAllowed />;
}
