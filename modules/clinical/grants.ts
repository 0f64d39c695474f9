import { grant, type GrantRow } from '../../server/access/grants.js';

/**
 * Clinical records: physicians write them, medical_admin reads them all for oversight, and
 * nobody else reads note contents (registration and cashier have no grant on soap-notes at all).
 */
const CLINICAL = ['encounters', 'soap-notes', 'encounter-diagnoses'];
// What billing, the laboratory and the pharmacy need of a consultation: who, when, where.
const NON_CLINICAL_ENCOUNTER = { attributes: ['*', '!chiefComplaint'] };

export const grants: GrantRow[] = [
  ...grant('physician', 'encounters', ['read', 'create', 'update', 'close']),
  ...grant('physician', 'soap-notes', ['read', 'create', 'update', 'sign', 'amend']),
  ...grant('physician', 'encounter-diagnoses', ['read', 'create', 'update']),
  ...grant('physician', 'icd10-codes', ['read']),

  ...grant('medical_admin', CLINICAL, ['read']),
  ...grant('medical_admin', 'icd10-codes', ['read', 'create', 'update']),
  ...grant('superadmin', 'icd10-codes', ['read', 'create', 'update']),

  // Facility statistics (consultations, diagnoses) without the notes themselves.
  ...grant('facility_head', ['encounters', 'encounter-diagnoses', 'icd10-codes'], ['read']),

  ...grant(['cashier', 'laboratory', 'pharmacy'], 'encounters', ['read'], NON_CLINICAL_ENCOUNTER),
];
