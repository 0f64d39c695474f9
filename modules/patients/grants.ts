import { grant, type GrantRow } from '../../server/access/grants.js';

/** Who may do what with patient records; the access-matrix test walks every row. */
export const grants: GrantRow[] = [
  ...grant('superadmin', 'patients', ['read', 'create', 'update', 'delete', 'export']),
  ...grant('superadmin', ['patient-allergies', 'patient-insurances'], ['read', 'create', 'update', 'export']),
  ...grant('superadmin', 'patient-insurances', ['delete']),

  ...grant('registration', 'patients', ['read', 'create', 'update', 'export']),
  ...grant('registration', 'patient-insurances', ['read', 'create', 'update', 'delete']),
  ...grant('registration', 'patient-allergies', ['read', 'create']),

  ...grant('physician', 'patients', ['read', 'update']),
  ...grant('physician', 'patient-allergies', ['read', 'create', 'update']),
  ...grant('physician', 'patient-insurances', ['read']),

  ...grant(['medical_admin', 'facility_head'], 'patients', ['read', 'export']),
  ...grant(['medical_admin', 'facility_head'], ['patient-allergies', 'patient-insurances'], ['read']),

  ...grant(['laboratory', 'pharmacy'], 'patients', ['read']),
  ...grant('pharmacy', 'patient-allergies', ['read']),

  // The cashier bills and claims: name and insurance, no clinical detail.
  ...grant('cashier', 'patients', ['read'], { attributes: ['*', '!allergies', '!bloodGroup'] }),
  ...grant('cashier', 'patient-insurances', ['read']),

  // Satisfaction surveys need a name and a phone number, nothing more.
  ...grant('satisfaction', 'patients', ['read'], { attributes: ['id', 'mrn', 'givenName', 'familyName', 'phone', 'status'] }),
];
