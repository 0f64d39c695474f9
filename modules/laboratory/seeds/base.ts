import { QueryTypes } from 'sequelize';
import { v7 as uuidv7 } from 'uuid';
import type { ModuleContext } from '../../../server/host/types.js';
import { PANELS, TESTS } from './catalogue.js';

/** Inserts missing tests and panels by code; what the laboratory edited stays as it is. */
export async function seedLabCatalogue({ sequelize }: ModuleContext) {
  await sequelize.transaction(async () => {
    for (const t of TESTS) {
      await sequelize.query(
        `INSERT INTO lab_tests (id, code, loinc, name, section, specimen_type, result_type, unit, decimals, coded_values, abnormal_values, ranges, reagents, turnaround_minutes, price_code)
         VALUES (:id, :code, :loinc, :name, :section, :specimenType, :resultType, :unit, :decimals, ARRAY[:codedValues]::text[], ARRAY[:abnormalValues]::text[], :ranges, :reagents, :turnaroundMinutes, :priceCode)
         ON CONFLICT (code) DO NOTHING`,
        {
          type: QueryTypes.INSERT,
          replacements: {
            id: uuidv7(),
            ...t,
            resultType: t.resultType ?? 'numeric',
            decimals: t.decimals ?? 1,
            // ARRAY[] of nothing needs one element to be typed; '' is filtered out below.
            codedValues: t.codedValues?.length ? t.codedValues : [''],
            abnormalValues: t.abnormalValues?.length ? t.abnormalValues : [''],
            ranges: JSON.stringify(t.ranges ?? []),
            reagents: JSON.stringify(t.reagents ?? []),
            priceCode: `LAB-${t.code}`,
          },
        },
      );
    }
    await sequelize.query(`UPDATE lab_tests SET coded_values = array_remove(coded_values, ''), abnormal_values = array_remove(abnormal_values, '') WHERE '' = ANY(coded_values) OR '' = ANY(abnormal_values)`);
    for (const p of PANELS) {
      await sequelize.query(
        `INSERT INTO lab_panels (id, code, name, test_ids, price_code)
         SELECT :id, :code, :name, array_agg(t.id ORDER BY array_position(ARRAY[:tests]::text[], t.code)), :priceCode FROM lab_tests t WHERE t.code IN (:tests)
         ON CONFLICT (code) DO NOTHING`,
        { type: QueryTypes.INSERT, replacements: { id: uuidv7(), code: p.code, name: p.name, tests: p.tests, priceCode: `LAB-PANEL-${p.code}` } },
      );
    }
  });
}
