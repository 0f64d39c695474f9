import type { RoleDefinition } from '../host/types.js';

/** The product's 13 roles. Modules may add roles of their own (roles are data). */
export const PLATFORM_ROLES: RoleDefinition[] = [
  { name: 'superadmin', label: 'Super administrator', description: 'Full system access' },
  { name: 'facility_head', label: 'Facility head', description: 'Reads everything, approves, runs the facility rules' },
  { name: 'medical_admin', label: 'Medical administrator', description: 'Clinical oversight and administration' },
  { name: 'physician', label: 'Physician', description: 'Clinical operations' },
  { name: 'registration', label: 'Registration clerk', description: 'Patient registration and check-in' },
  { name: 'laboratory', label: 'Laboratory', description: 'Laboratory operations' },
  { name: 'pharmacy', label: 'Pharmacy', description: 'Dispensing and pharmacy stock' },
  { name: 'cashier', label: 'Cashier', description: 'Billing and payments' },
  { name: 'hr', label: 'Human resources', description: 'Staff, shifts and leave' },
  { name: 'helpdesk', label: 'IT helpdesk', description: 'IT support tickets' },
  { name: 'quality', label: 'Quality', description: 'Incidents and audits' },
  { name: 'satisfaction', label: 'Patient satisfaction', description: 'Surveys and NPS' },
  { name: 'maintenance', label: 'Maintenance', description: 'Assets and work orders' },
];
