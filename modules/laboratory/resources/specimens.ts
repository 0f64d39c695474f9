import bwipjs from 'bwip-js';
import type { ModuleContext } from '../../../server/host/types.js';
import type { ResourceDefinition } from '../../../server/http/resource.js';
import { QueryTypes } from 'sequelize';
import type { OrderLifecycle } from '../order-lifecycle.js';
import { rejectSchema } from '../validation.js';

/** Code 128 of the accession number, as a PNG data URL the label template shows. */
async function barcode(text: string) {
  const png = await bwipjs.toBuffer({ bcid: 'code128', text, scale: 3, height: 12, includetext: true, textxalign: 'center' });
  return `data:image/png;base64,${png.toString('base64')}`;
}

export function specimenResource({ models, sequelize }: ModuleContext, lifecycle: OrderLifecycle): ResourceDefinition {
  return {
    name: 'specimens',
    label: 'Specimens',
    model: models.Specimen,
    sortable: ['id', 'collectedAt', 'accessionNumber', 'status'],
    defaultSort: ['collectedAt', 'DESC'],
    filters: { orderId: 'eq', patientId: 'eq', status: 'eq', specimenType: 'eq', collectedAt: 'range' },
    search: (q) => ({ accessionNumber: q.trim() }),
    // Specimens are made by collecting an order, and change only through the actions below.
    operations: { create: false, update: false, delete: false },
    actions: [
      { name: 'receive', summary: 'The specimen arrived in the laboratory', handler: (ctx, { record }) => lifecycle.receive(ctx, record!) },
      { name: 'reject', schema: rejectSchema, summary: 'Unsuitable specimen (haemolysed, clotted, unlabelled...): a new one is collected', handler: (ctx, { record, body }) => lifecycle.reject(ctx, record!, body.reason) },
    ],
    document: {
      template: 'laboratory/specimen-label',
      title: (row) => `Specimen ${row.accessionNumber}`,
      async data(_ctx, row) {
        const [info] = await sequelize.query<Record<string, unknown>>(
          `SELECT p.mrn, p.given_name || ' ' || p.family_name AS "patientName", p.birth_date::text AS "birthDate", p.sex,
                  o.order_number AS "orderNumber", o.priority,
                  (SELECT string_agg(t.code, ' ' ORDER BY t.code) FROM lab_results r JOIN lab_tests t ON t.id = r.test_id WHERE r.specimen_id = s.id) AS tests
             FROM specimens s JOIN lab_orders o ON o.id = s.order_id JOIN patients p ON p.id = s.patient_id WHERE s.id = :id`,
          { type: QueryTypes.SELECT, replacements: { id: row.id } },
        );
        return { specimen: row, ...info, barcode: await barcode(row.accessionNumber) };
      },
    },
  };
}
