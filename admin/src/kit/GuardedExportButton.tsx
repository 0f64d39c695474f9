/** react-admin's export button, shown only to users granted `export` on the list's resource. */
import { ExportButton, useCanAccess, useResourceContext, type ExportButtonProps } from 'react-admin';

export function GuardedExportButton(props: ExportButtonProps) {
  const resource = useResourceContext(props);
  const { canAccess } = useCanAccess({ resource: resource ?? '', action: 'export' });
  return canAccess ? <ExportButton {...props} /> : null;
}
