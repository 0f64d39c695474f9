/** Roles and permissions: read-only here, because grants are code reviewed with each module. */
import { List } from 'react-admin';
import { PermissionMatrix } from './PermissionMatrix.js';

export function RoleList() {
  return (
    <List perPage={500} pagination={false} sort={{ field: 'id', order: 'ASC' }} exporter={false}>
      <PermissionMatrix />
    </List>
  );
}
