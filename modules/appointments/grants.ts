import { grant, type GrantRow } from '../../server/access/grants.js';

const STAFF_WHO_SEE_CLINICS = ['registration', 'physician', 'medical_admin', 'facility_head', 'cashier', 'superadmin'];

/** Reception books; medical administration sets up clinics and sessions; clinicians read. */
export const grants: GrantRow[] = [
  ...grant(STAFF_WHO_SEE_CLINICS, ['clinics', 'provider-schedules'], ['read']),
  ...grant(['medical_admin', 'superadmin'], 'clinics', ['create', 'update']),
  ...grant(['medical_admin', 'superadmin'], 'provider-schedules', ['create', 'update', 'delete']),

  ...grant('registration', 'appointments', ['read', 'create', 'update', 'cancel', 'no-show']),
  ...grant('physician', 'appointments', ['read']),
  ...grant(['medical_admin', 'facility_head'], 'appointments', ['read', 'export']),
  ...grant('superadmin', 'appointments', ['read', 'create', 'update', 'cancel', 'no-show']),
];
