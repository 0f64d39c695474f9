import { grant, type GrantRow } from '../../server/access/grants.js';

const DENTAL = ['dental-charts', 'dental-procedures'];

export const grants: GrantRow[] = [
  // Physicians do the dental clinic's work where there is no dentist; dentists do it where there is.
  ...grant(['physician', 'dentist'], 'dental-charts', ['read', 'create', 'update']),
  ...grant(['physician', 'dentist'], 'dental-procedures', ['read', 'create', 'update', 'complete', 'cancel']),
  // A dentist writes the dental encounter's SOAP note and diagnoses through the clinical module.
  ...grant('dentist', 'encounters', ['read', 'create', 'update', 'close']),
  ...grant('dentist', 'soap-notes', ['read', 'create', 'update', 'sign', 'amend']),
  ...grant('dentist', 'encounter-diagnoses', ['read', 'create', 'update']),
  ...grant('dentist', ['icd10-codes', 'patients', 'patient-allergies', 'clinics'], ['read']),
  // The dental clinic's queue, worked from the clinical worklist.
  ...grant('dentist', 'visits', ['read', 'call', 'start', 'complete']),

  ...grant('medical_admin', DENTAL, ['read']),
  ...grant('facility_head', 'dental-procedures', ['read']),
  // Billing sees what was done and its price code, not the clinical notes on it.
  ...grant('cashier', 'dental-procedures', ['read'], { attributes: ['*', '!notes'] }),
];
