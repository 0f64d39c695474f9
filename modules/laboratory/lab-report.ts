import { QueryTypes, type Sequelize } from 'sequelize';
import type { Row } from '../../server/http/resource.js';
import { rangeText } from './ranges.js';

const format = (v: number | null, decimals: number) => (v == null ? '' : v.toFixed(decimals));

/** What the lab report prints: the patient, the order, each result with its range, flag and who verified it. */
export async function labReportData(sequelize: Sequelize, order: Row) {
  const select = (sql: string) => sequelize.query<Row>(sql, { type: QueryTypes.SELECT, replacements: { id: order.id } });
  const [[patient], [people], results, amendments] = await Promise.all([
    select(`SELECT p.mrn, p.given_name || ' ' || p.family_name AS name, p.sex, p.birth_date::text AS "birthDate" FROM patients p JOIN lab_orders o ON o.patient_id = p.id WHERE o.id = :id`),
    select(`SELECT u.name AS "orderedBy" FROM lab_orders o JOIN users u ON u.id = o.ordered_by WHERE o.id = :id`),
    select(
      `SELECT t.name AS test, t.unit, t.decimals, t.result_type AS "resultType", p.name AS panel, r.value_numeric, r.value_coded, r.flag, r.status,
              r.range_low AS low, r.range_high AS high, r.comment, ve.name AS "verifiedBy", r.verified_at AS "verifiedAt", en.name AS "enteredBy"
         FROM lab_results r JOIN lab_tests t ON t.id = r.test_id LEFT JOIN lab_panels p ON p.id = r.panel_id
         LEFT JOIN users ve ON ve.id = r.verified_by LEFT JOIN users en ON en.id = r.entered_by
        WHERE r.order_id = :id AND r.status <> 'cancelled' ORDER BY p.name NULLS LAST, t.name`,
    ),
    select(
      `SELECT t.name AS test, a.previous_value_numeric, a.previous_value_coded, a.value_numeric, a.value_coded, a.reason, u.name AS "amendedBy", a.amended_at AS "amendedAt"
         FROM lab_result_amendments a JOIN lab_results r ON r.id = a.result_id JOIN lab_tests t ON t.id = r.test_id JOIN users u ON u.id = a.amended_by
        WHERE r.order_id = :id ORDER BY a.amended_at`,
    ),
  ]);
  return {
    order,
    patient,
    orderedBy: people?.orderedBy,
    results: results.map((r, i) => ({
      ...r,
      panelStart: r.panel && r.panel !== results[i - 1]?.panel,
      value: r.resultType === 'numeric' ? format(r.value_numeric, r.decimals) : r.value_coded ?? '',
      range: rangeText({ low: r.low, high: r.high }),
      reported: ['verified', 'amended'].includes(r.status),
    })),
    amendments: amendments.map((a) => ({ ...a, previous: a.previous_value_numeric ?? a.previous_value_coded, value: a.value_numeric ?? a.value_coded })),
    verifiedBy: [...new Set(results.map((r) => r.verifiedBy).filter(Boolean))].join(', '),
    verifiedAt: order.verifiedAt,
  };
}
