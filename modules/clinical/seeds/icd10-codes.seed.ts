import type { ModuleContext } from '../../../server/host/types.js';
import { ICD10_CODES, icd10Chapter } from './icd10-catalogue.js';

/**
 * Upserts the catalogue by code in one statement. A code an administrator has edited
 * (updated_by set) is left as they made it: a re-seed never overwrites their work.
 */
export async function seedIcd10Codes({ sequelize }: ModuleContext) {
  const rows = ICD10_CODES.map(([code, title]) => ({ code, title, chapter: icd10Chapter(code) }));
  await sequelize.query(
    `INSERT INTO icd10_codes (code, title, chapter)
     SELECT r.code, r.title, r.chapter FROM jsonb_to_recordset(:rows::jsonb) AS r(code text, title text, chapter text)
     ON CONFLICT (code) DO UPDATE SET title = EXCLUDED.title, chapter = EXCLUDED.chapter, updated_at = now()
      WHERE icd10_codes.updated_by IS NULL
        AND (icd10_codes.title, icd10_codes.chapter) IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.chapter)`,
    { replacements: { rows: JSON.stringify(rows) } },
  );
}
