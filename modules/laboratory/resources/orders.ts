import { Op, QueryTypes, Sequelize } from 'sequelize';
import type { ModuleContext } from '../../../server/host/types.js';
import type { ResourceDefinition, Row } from '../../../server/http/resource.js';
import { Conflict } from '../../../server/http/errors.js';
import type { OrderLifecycle } from '../order-lifecycle.js';
import type { ResultEntry } from '../result-entry.js';
import { cancelSchema, collectSchema, enterManySchema, orderSchema, orderUpdateSchema, ORDER_STATUSES } from '../validation.js';
import { labReportData } from '../lab-report.js';

const OPEN = ORDER_STATUSES.filter((s) => s !== 'verified' && s !== 'cancelled');

export function orderResource(mctx: ModuleContext, lifecycle: OrderLifecycle, results: ResultEntry): ResourceDefinition {
  const { models, sequelize } = mctx;
  const { LabOrder } = models;

  return {
    name: 'lab-orders',
    label: 'Lab orders',
    model: LabOrder,
    createSchema: orderSchema as never,
    updateSchema: orderUpdateSchema,
    sortable: ['id', 'orderedAt', 'dueAt', 'priority', 'status', 'orderNumber'],
    defaultSort: ['orderedAt', 'DESC'],
    filters: {
      status: 'eq',
      priority: 'eq',
      patientId: 'eq',
      encounterId: 'eq',
      orderedBy: 'eq',
      orderedAt: 'range',
      overdue: (v) => (v === true || v === 'true' ? { status: OPEN, dueAt: { [Op.lt]: new Date() } } : undefined),
    },
    search: (q) => ({ orderNumber: q.toUpperCase() }),
    // STAT first, then urgent, on the worklist.
    orderBy: (field, dir) =>
      field === 'priority'
        ? [[Sequelize.literal(`CASE priority WHEN 'stat' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`), dir === 'ASC' ? 'ASC' : 'DESC'], ['orderedAt', 'ASC'], ['id', 'ASC']]
        : [[field, dir], ['id', 'ASC']],
    operations: { delete: false },
    serialize: (row) => ({ ...row, overdue: OPEN.includes(row.status) && new Date(row.dueAt).getTime() < Date.now() }),
    // The factory inserts the order row; placing it (encounter, tests, results, charges) happens around it.
    async beforeCreate(ctx, data) {
      return { ...data, ...(await lifecycle.prepare(ctx, data as never)) };
    },
    async afterCreate(ctx, record, data) {
      const placed = await lifecycle.afterInsert(ctx, record, data as never);
      return { results: placed };
    },
    beforeUpdate(_ctx, record, data) {
      if (!['ordered', 'collected', 'received'].includes(record.get('status') as string)) throw new Conflict(`Order ${record.get('orderNumber')} is ${record.get('status')}; it no longer changes`);
      return data;
    },
    async detail(_ctx, row) {
      const [results, specimens, [orderer]] = await Promise.all([
        sequelize.query<Row>(
          `SELECT r.*, t.code AS "testCode", t.name AS "testName", t.result_type AS "resultType", t.coded_values AS "codedValues", t.abnormal_values AS "abnormalValues",
                  t.decimals, p.code AS "panelCode", p.name AS "panelName"
             FROM lab_results r JOIN lab_tests t ON t.id = r.test_id LEFT JOIN lab_panels p ON p.id = r.panel_id
            WHERE r.order_id = :id ORDER BY p.name NULLS LAST, t.name`,
          { type: QueryTypes.SELECT, replacements: { id: row.id } },
        ),
        sequelize.query<Row>(`SELECT * FROM specimens WHERE order_id = :id ORDER BY created_at`, { type: QueryTypes.SELECT, replacements: { id: row.id } }),
        // The name only: laboratory staff do not read the users resource.
        sequelize.query<Row>(`SELECT name FROM users WHERE id = :id`, { type: QueryTypes.SELECT, replacements: { id: row.orderedBy } }),
      ]);
      const camel = (r: Row) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]));
      return { ...row, orderedByName: orderer?.name ?? null, results: results.map(camel), specimens: specimens.map(camel) };
    },
    actions: [
      {
        name: 'collect',
        schema: collectSchema,
        summary: 'Specimens collected: one accession number per specimen type; the reference ranges for the patient are fixed',
        handler: (ctx, { record, body }) => lifecycle.collect(ctx, record!, body.collectedAt ? new Date(body.collectedAt) : new Date()),
      },
      {
        name: 'cancel',
        schema: cancelSchema,
        summary: 'Cancel an order that has no results yet, with a reason; its charges are cancelled',
        handler: (ctx, { record, body }) => lifecycle.cancel(ctx, record!, body.reason),
      },
      {
        name: 'results',
        access: 'enter',
        schema: enterManySchema,
        summary: 'Enter several results of the order at once (the entry grid)',
        handler: (ctx, { record, body }) => results.enter(ctx, record!, body.results),
      },
      {
        name: 'verify',
        summary: 'Verify every entered result of the order (never by the person who entered one)',
        handler: (ctx, { record }) => results.verifyOrder(ctx, record!),
      },
    ],
    document: {
      template: 'laboratory/lab-report',
      title: (row) => `Lab report ${row.orderNumber}`,
      data: (_ctx, row) => labReportData(sequelize, row),
    },
  };
}
