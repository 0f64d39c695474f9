import { grant, type GrantRow } from '../../server/access/grants.js';

/** Physicians prescribe; the pharmacy keeps the formulary and dispenses; the cashier has no part. */
export const grants: GrantRow[] = [
  ...grant('superadmin', ['drugs', 'drug-interactions'], ['read', 'create', 'update', 'export']),
  ...grant('superadmin', ['prescriptions', 'dispenses'], ['read', 'export']),

  ...grant('physician', ['drugs', 'drug-interactions'], ['read']),
  ...grant('physician', 'prescriptions', ['read', 'create', 'cancel']),
  ...grant('physician', 'dispenses', ['read']),

  ...grant('pharmacy', ['drugs', 'drug-interactions'], ['read', 'create', 'update']),
  ...grant('pharmacy', 'prescriptions', ['read', 'cancel']),
  ...grant('pharmacy', 'dispenses', ['read', 'create']),

  ...grant('medical_admin', ['drugs', 'drug-interactions'], ['read', 'update']),
  ...grant(['medical_admin', 'facility_head'], ['drugs', 'drug-interactions', 'prescriptions', 'dispenses'], ['read']),
];
