import { grant, type GrantRow } from '../../server/access/grants.js';

const ALL = ['stock-items', 'stock-locations', 'stock-batches', 'stock-movements'];

/**
 * The pharmacy runs the stores; the laboratory receives and uses its reagents. Quantities change
 * only through the stock actions below (receive, issue, adjust, transfer, write-off). An
 * adjustment worth more than the rule set's threshold waits for the facility head, who decides
 * in the approvals inbox (approve on approvals comes from the workflow layer).
 */
export const grants: GrantRow[] = [
  ...grant(['superadmin', 'pharmacy'], ALL, ['read', 'export']),
  ...grant(['superadmin', 'pharmacy'], ['stock-items', 'stock-locations'], ['create', 'update']),
  ...grant(['superadmin', 'pharmacy'], 'stock-batches', ['receive', 'adjust', 'transfer', 'write-off']),
  ...grant(['superadmin', 'pharmacy'], 'stock-movements', ['issue']),

  ...grant('laboratory', ALL, ['read']),
  ...grant('laboratory', 'stock-batches', ['receive', 'transfer']),
  ...grant('laboratory', 'stock-movements', ['issue']),

  ...grant(['medical_admin', 'facility_head'], ALL, ['read', 'export']),

  ...grant(['superadmin', 'pharmacy', 'facility_head'], 'stock-adjustments', ['read', 'export']),
];
