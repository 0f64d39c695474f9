import { grant, type GrantRow } from '../../server/access/grants.js';

const CATALOGUE = ['lab-tests', 'lab-panels'];
const WORK = ['lab-orders', 'specimens', 'lab-results'];

/**
 * Physicians order and read; the laboratory collects, receives, enters and verifies (never its
 * own entries: the four-eyes rule is in the code and the database); medical administration
 * keeps the catalogue. Billing hears of orders through charge events, not through grants.
 */
export const grants: GrantRow[] = [
  ...grant(['superadmin', 'medical_admin'], CATALOGUE, ['read', 'create', 'update', 'export']),
  ...grant(['superadmin', 'medical_admin', 'facility_head'], WORK, ['read', 'export']),
  ...grant('facility_head', CATALOGUE, ['read']),

  ...grant('physician', CATALOGUE, ['read']),
  ...grant('physician', 'lab-orders', ['read', 'create', 'update', 'cancel']),
  ...grant('physician', 'specimens', ['read']),
  ...grant('physician', 'lab-results', ['read', 'acknowledge']),

  ...grant('laboratory', CATALOGUE, ['read', 'update']),
  ...grant('laboratory', 'lab-orders', ['read', 'collect', 'cancel', 'enter', 'verify']),
  ...grant('laboratory', 'specimens', ['read', 'receive', 'reject']),
  ...grant('laboratory', 'lab-results', ['read', 'enter', 'verify', 'amend']),
];
