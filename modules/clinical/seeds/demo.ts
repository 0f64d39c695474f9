import type { ModuleContext } from '../../../server/host/types.js';

/** Common presentations of a primary-care day: complaint, SOAP note and diagnosis. */
const CASES = [
  { complaint: 'Fever and headache for 2 days', s: 'Fever, chills, headache since 2 days', o: 'T 38.6, mRDT positive', a: 'Uncomplicated falciparum malaria', p: 'Artemether-lumefantrine 3 days; return if vomiting', code: 'B50.9' },
  { complaint: 'Cough and runny nose', s: 'Cough and rhinorrhoea for 3 days, no dyspnoea', o: 'Chest clear, T 37.4', a: 'Common cold', p: 'Fluids, paracetamol; review if fever persists', code: 'J00' },
  { complaint: 'Loose stools since yesterday', s: 'Watery stools x6, no blood', o: 'Mild dehydration', a: 'Acute gastroenteritis', p: 'ORS and zinc; danger signs explained', code: 'A09' },
  { complaint: 'Hypertension follow-up', s: 'On amlodipine, adherent', o: 'BP 148/92', a: 'Essential hypertension, not at target', p: 'Add hydrochlorothiazide; review in 4 weeks', code: 'I10' },
  { complaint: 'Burning on passing urine', s: 'Dysuria and frequency 3 days', o: 'Suprapubic tenderness, dipstick nitrites +', a: 'Urinary tract infection', p: 'Nitrofurantoin 5 days', code: 'N39.0' },
];

/** A few signed consultations over the last weeks for the first demo patients (KPIs, charts). */
export async function seedClinicalDemo({ sequelize }: ModuleContext, progress: (done: number, total: number) => void) {
  const cases = JSON.stringify(CASES);
  await sequelize.query(
    `WITH doc AS (SELECT id FROM users WHERE email = 'physician@healthcare.com'),
          pts AS (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM patients ORDER BY created_at, id LIMIT 20),
          c AS (SELECT x.*, row_number() OVER () AS k FROM jsonb_to_recordset(:cases::jsonb) AS x(complaint text, s text, o text, a text, p text, code text)),
          e AS (
            INSERT INTO encounters (patient_id, physician_id, type, status, chief_complaint, started_at, ended_at)
            SELECT pts.id, doc.id, 'general', 'closed', c.complaint, now() - pts.n * interval '31 hours', now() - pts.n * interval '31 hours' + interval '15 minutes'
              FROM pts CROSS JOIN doc JOIN c ON c.k = (pts.n % 5) + 1
            RETURNING id, patient_id, physician_id, chief_complaint, ended_at),
          n AS (
            INSERT INTO soap_notes (encounter_id, author_id, subjective, objective, assessment, plan, signed_at, signed_by)
            SELECT e.id, e.physician_id, c.s, c.o, c.a, c.p, e.ended_at, e.physician_id FROM e JOIN c ON c.complaint = e.chief_complaint
            RETURNING id)
     INSERT INTO encounter_diagnoses (encounter_id, code, title, rank)
     SELECT e.id, i.code, i.title, 'primary' FROM e JOIN c ON c.complaint = e.chief_complaint JOIN icd10_codes i ON i.code = c.code`,
    { replacements: { cases } },
  );
  progress(1, 1);
}
