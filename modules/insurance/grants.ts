import { grant, type GrantRow } from '../../server/access/grants.js';

/** Insurers' terms are the facility head's; the cashier's office prepares and follows claims. */
export const grants: GrantRow[] = [
  ...grant(['superadmin', 'facility_head'], 'insurance-payers', ['read', 'create', 'update']),
  ...grant(['superadmin', 'facility_head'], 'insurance-claims', ['read', 'export']),
  ...grant('medical_admin', ['insurance-payers', 'insurance-claims'], ['read']),
  ...grant('cashier', 'insurance-payers', ['read']),
  ...grant('cashier', 'insurance-claims', ['read', 'create', 'submit', 'adjudicate', 'pay', 'export']),
  ...grant('registration', 'insurance-payers', ['read']),
];
