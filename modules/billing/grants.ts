import { grant, type GrantRow } from '../../server/access/grants.js';

/** Who may do what with the books; the access-matrix test walks every row. */
export const grants: GrantRow[] = [
  ...grant('superadmin', 'price-lists', ['read', 'create', 'update', 'export']),
  ...grant('superadmin', ['invoices', 'payments', 'cash-sessions'], ['read', 'export']),

  // The facility head sets the tariff and reads the books; voids and till differences reach
  // their inbox through the approvals service.
  ...grant('facility_head', 'price-lists', ['read', 'create', 'update', 'export']),
  ...grant('facility_head', 'invoices', ['read', 'export']),
  ...grant('facility_head', 'payments', ['read', 'export']),
  ...grant('facility_head', 'cash-sessions', ['read']),
  ...grant('medical_admin', ['price-lists', 'invoices'], ['read']),

  // The cashier bills and takes money; a void is only asked for, the facility head decides.
  ...grant('cashier', 'price-lists', ['read']),
  ...grant('cashier', 'invoices', ['read', 'issue', 'discount', 'request-void']),
  ...grant('cashier', 'payments', ['read', 'create', 'refund']),
  ...grant('cashier', 'cash-sessions', ['read', 'create', 'close'], { possession: 'own' }),

  // Clinicians and the pharmacy see what things cost, not the books.
  ...grant(['physician', 'pharmacy', 'laboratory', 'registration'], 'price-lists', ['read']),
  ...grant('registration', 'invoices', ['read']),
];
