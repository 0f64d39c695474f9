import { grant, type GrantRow } from '../access/grants.js';
import { PLATFORM_ROLES } from '../access/roles.js';

const EVERYONE = PLATFORM_ROLES.map((r) => r.name);
const RULE_EDITORS = ['superadmin', 'facility_head'];

/**
 * Facility heads run their facility's rules and approve; medical_admin approves clinical
 * chains; everyone reads their own notifications and the approvals waiting for their role.
 * A module whose chains name another role grants it `approve` on approvals itself.
 */
export const grants: GrantRow[] = [
  ...grant(RULE_EDITORS, 'workflow-rules', ['read', 'create', 'update', 'activate', 'test']),
  ...grant(RULE_EDITORS, 'workflow-rule-versions', ['read', 'create']),
  ...grant(['medical_admin', 'quality'], ['workflow-rules', 'workflow-rule-versions'], ['read']),

  ...grant(['superadmin', 'facility_head', 'medical_admin', 'quality'], 'approvals', ['read']),
  ...grant(EVERYONE, 'approvals', ['inbox']),
  ...grant(['superadmin', 'facility_head', 'medical_admin'], 'approvals', ['approve']),

  ...grant('superadmin', 'notifications', ['read']),
  ...grant(EVERYONE.filter((r) => r !== 'superadmin'), 'notifications', ['read'], { possession: 'own' }),

  ...grant('superadmin', 'failed-jobs', ['read', 'retry']),
];
