import { QueryTypes } from 'sequelize';
import { z } from 'zod';
import type { ModuleContext } from '../../../server/host/types.js';
import type { ResourceDefinition, Row } from '../../../server/http/resource.js';
import { Invalid } from '../../../server/http/errors.js';
import type { ResultEntry } from '../result-entry.js';
import { amendSchema, enterSchema } from '../validation.js';

const cumulativeQuery = z.object({ patientId: z.uuid('a patient id'), testId: z.uuid('a lab test id').optional() });

export function resultResource({ models, sequelize }: ModuleContext, results: ResultEntry): ResourceDefinition {
  return {
    name: 'lab-results',
    label: 'Lab results',
    model: models.LabResult,
    sortable: ['id', 'enteredAt', 'verifiedAt', 'createdAt', 'status', 'flag'],
    defaultSort: ['createdAt', 'DESC'],
    filters: {
      orderId: 'eq',
      patientId: 'eq',
      testId: 'eq',
      status: 'eq',
      flag: 'eq',
      enteredBy: 'eq',
      enteredAt: 'range',
      critical: (v) => (v === true || v === 'true' ? { flag: ['LL', 'HH'] } : undefined),
    },
    // Results are created with their order and change only through the actions below.
    operations: { create: false, update: false, delete: false },
    async detail(_ctx, row) {
      const amendments = await models.LabResultAmendment.findAll({ where: { resultId: row.id }, order: [['amendedAt', 'ASC']], raw: true });
      return { ...row, amendments };
    },
    actions: [
      {
        name: 'enter',
        schema: enterSchema,
        summary: 'Enter (or correct, before verification) the value; the flag comes from the patient\'s range',
        handler: (ctx, { record, body }) => results.enterResult(ctx, record!, body.value, body.comment),
      },
      { name: 'verify', summary: 'Second person confirms the result (four-eyes rule)', handler: (ctx, { record }) => results.verify(ctx, record!) },
      {
        name: 'amend',
        schema: amendSchema,
        summary: 'Correct a verified result; the previous value, the reason and who changed it are kept',
        handler: (ctx, { record, body }) => results.amend(ctx, record!, body.value, body.reason),
      },
      { name: 'acknowledge', summary: 'The physician has seen this critical result', handler: (ctx, { record }) => results.acknowledge(ctx, record!) },
      {
        name: 'cumulative',
        access: 'read',
        collection: true,
        method: 'get',
        audited: false,
        summary: 'A patient\'s verified numeric results over time (?patientId=&testId=), for trend charts',
        async handler(_ctx, { query }) {
          const parsed = cumulativeQuery.safeParse(query);
          if (!parsed.success) throw new Invalid('Give a patient (and optionally a test)', Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
          return sequelize.query<Row>(
            `SELECT r.id, r.test_id AS "testId", t.code AS "testCode", t.name AS "testName", t.unit, r.value_numeric AS value, r.value_coded AS "valueCoded",
                    r.flag, r.range_low AS "rangeLow", r.range_high AS "rangeHigh", r.status, s.collected_at AS "collectedAt", o.order_number AS "orderNumber"
               FROM lab_results r JOIN lab_tests t ON t.id = r.test_id JOIN lab_orders o ON o.id = r.order_id LEFT JOIN specimens s ON s.id = r.specimen_id
              WHERE r.patient_id = :patientId AND r.status IN ('verified', 'amended') AND (:testId::uuid IS NULL OR r.test_id = :testId::uuid)
              ORDER BY t.name, s.collected_at`,
            { type: QueryTypes.SELECT, replacements: { patientId: parsed.data.patientId, testId: parsed.data.testId ?? null } },
          );
        },
      },
    ],
  };
}
