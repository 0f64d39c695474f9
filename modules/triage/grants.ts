import { grant, type GrantRow } from '../../server/access/grants.js';

/**
 * There is no triage nurse role: physicians and medical_admin triage. The facility head reads
 * for oversight. Nobody else sees vital signs (the cashier bills from visits, not vitals).
 */
export const grants: GrantRow[] = [
  ...grant(['physician', 'medical_admin'], 'vital-signs', ['read', 'create', 'update']),
  ...grant(['physician', 'medical_admin'], 'triage-assessments', ['read', 'create']),
  ...grant('facility_head', ['vital-signs', 'triage-assessments'], ['read']),
];
