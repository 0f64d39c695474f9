/**
 * The patient chart's SQL, with positional parameters so that the API and the bench's direct
 * `pg` run execute exactly the same statements. Encounters are paged by keyset on
 * (started_at, id), newest first, over the index encounters_patient_started; the other
 * events are read for the time window the page covers.
 */

const encounterColumns = `
  e.id, e.visit_id AS "visitId", e.clinic_id AS "clinicId", c.name AS "clinicName", e.physician_id AS "physicianId",
  u.name AS "physicianName", e.type, e.status, e.chief_complaint AS "chiefComplaint", e.started_at AS "startedAt",
  e.ended_at AS "endedAt",
  -- Microsecond precision: a millisecond JavaScript Date would skip or repeat rows at page edges.
  to_char(e.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"`;
const encounterFrom = `FROM encounters e LEFT JOIN users u ON u.id = e.physician_id LEFT JOIN clinics c ON c.id = e.clinic_id`;

/** $1 patient id, $2 page size + 1. */
export const FIRST_ENCOUNTERS = `SELECT ${encounterColumns} ${encounterFrom}
  WHERE e.patient_id = $1 ORDER BY e.started_at DESC, e.id DESC LIMIT $2`;

/** $1 patient id, $2 page size + 1, $3 cursor time, $4 cursor id. */
export const ENCOUNTERS_BEFORE = `SELECT ${encounterColumns} ${encounterFrom}
  WHERE e.patient_id = $1 AND (e.started_at, e.id) < ($3::timestamptz, $4::uuid)
  ORDER BY e.started_at DESC, e.id DESC LIMIT $2`;

/** $1 encounter ids. */
export const DIAGNOSES = `SELECT d.encounter_id AS "encounterId", d.id, d.code, d.title, d.rank, d.certainty
  FROM encounter_diagnoses d WHERE d.encounter_id = ANY($1::uuid[]) ORDER BY d.rank, d.created_at`;

/** $1 patient id, $2 window start (inclusive, null = open), $3 window end (exclusive, null = open), $4 limit. */
export const VISITS = `SELECT v.id, v.clinic_id AS "clinicId", c.name AS "clinicName", v.token, v.queue_status AS "queueStatus",
    v.priority, v.arrived_at AS "arrivedAt", v.completed_at AS "completedAt"
  FROM visits v LEFT JOIN clinics c ON c.id = v.clinic_id
  WHERE v.patient_id = $1 AND ($2::timestamptz IS NULL OR v.arrived_at >= $2) AND ($3::timestamptz IS NULL OR v.arrived_at < $3)
  ORDER BY v.arrived_at DESC LIMIT $4`;

/** $1 patient id. */
export const ALLERGIES = `SELECT id, substance, allergy_class AS "allergyClass", reaction, severity, status, noted_on AS "notedOn"
  FROM patient_allergies WHERE patient_id = $1 AND status = 'active' ORDER BY severity DESC, substance`;

/** $1 patient id. */
export const PATIENT = `SELECT id, mrn, given_name AS "givenName", family_name AS "familyName", sex, birth_date AS "birthDate", status
  FROM patients WHERE id = $1`;

/** Visits and vital signs beyond this many in one page's window are left for a narrower window. */
export const WINDOW_LIMIT = 200;

export interface Cursor {
  at: string;
  id: string;
}

export const encodeCursor = (c: Cursor) => Buffer.from(`${c.at}|${c.id}`).toString('base64url');

export function decodeCursor(raw: string): Cursor | null {
  const [at, id, ...rest] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  if (rest.length || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(at ?? '') || !/^[0-9a-f-]{36}$/i.test(id ?? '')) return null;
  return { at, id };
}
