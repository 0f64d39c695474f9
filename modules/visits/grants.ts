import { grant, type GrantRow } from '../../server/access/grants.js';

/** Reception checks in; clinicians work the queue; the cashier reads visits to bill them. */
export const grants: GrantRow[] = [
  ...grant('registration', 'visits', ['read', 'create', 'left']),
  ...grant('physician', 'visits', ['read', 'call', 'start', 'complete', 'left']),
  ...grant('medical_admin', 'visits', ['read', 'call', 'start', 'complete', 'left', 'export']),
  ...grant('facility_head', 'visits', ['read', 'export']),
  ...grant(['cashier', 'superadmin'], 'visits', ['read']),
];
