import { grant, type GrantRow } from '../../server/access/grants.js';

/** What registration sees of a referral: where it stands, not the clinical content. */
export const REFERRAL_STATUS_FIELDS = [
  'id', 'number', 'patientId', 'patient', 'specialty', 'urgency', 'priority', 'status', 'destinationId', 'destination',
  'submittedAt', 'sentAt', 'answerDueAt', 'answeredAt', 'appointmentAt', 'completedAt', 'overdue', 'createdAt', 'updatedAt', 'version',
];

export const grants: GrantRow[] = [
  // Physicians write and follow their own referrals.
  ...grant('physician', 'referrals', ['create']),
  ...grant('physician', 'referrals', ['read', 'update', 'submit', 'record-reply', 'complete'], { possession: 'own' }),
  // The medical administrator oversees every referral (approval itself goes through the approvals inbox).
  ...grant('medical_admin', 'referrals', ['read', 'record-reply', 'complete', 'export']),
  ...grant('facility_head', 'referrals', ['read', 'export']),
  ...grant('registration', 'referrals', ['read'], { attributes: REFERRAL_STATUS_FIELDS }),

  ...grant(['physician', 'registration', 'facility_head'], 'facilities', ['read']),
  ...grant(['superadmin', 'medical_admin'], 'facilities', ['read', 'create', 'update']),
];
