/**
 * A lab order from the encounter to the verified report: ordering (one result row per test,
 * a charge per ordered line), collection (one specimen per specimen type, the reference range
 * for the patient's sex and age on the collection day kept on each result), reception,
 * rejection (back to 'ordered' for a new sample) and cancellation. The database trigger on
 * lab_orders refuses any other status change; these functions say why first, with a 409.
 */
import { QueryTypes, type Model } from 'sequelize';
import type { ModuleContext } from '../../server/host/types.js';
import type { HandlerContext, Row } from '../../server/http/resource.js';
import { Conflict, Invalid } from '../../server/http/errors.js';
import { ageInDays, matchRange, type ReferenceRange, type Sex } from './ranges.js';

type Rec = Model & Row;
export interface OrderInput {
  encounterId: string;
  testIds: string[];
  panelIds: string[];
  priority: string;
  clinicalNotes?: string | null;
}

/** Minutes from order to verified report: STAT and urgent have fixed targets, routine the slowest test's. */
export const PRIORITY_TARGET_MINUTES: Record<string, number | null> = { stat: 60, urgent: 180, routine: null };

export function orderLifecycle({ sequelize, models, services }: ModuleContext) {
  const { LabTest, LabPanel, LabOrder, Specimen, LabResult } = models;

  const select = (sql: string, replacements: Row) => sequelize.query<Row>(sql, { type: QueryTypes.SELECT, replacements });

  async function charges(order: Rec, event: 'charge.created' | 'charge.cancelled', ctx: HandlerContext) {
    const lines = await select(
      `SELECT DISTINCT coalesce(p.code, t.code) AS code, coalesce(p.name, t.name) AS name, coalesce(p.price_code, t.price_code) AS "priceCode"
         FROM lab_results r JOIN lab_tests t ON t.id = r.test_id LEFT JOIN lab_panels p ON p.id = r.panel_id
        WHERE r.order_id = :id ORDER BY 1`,
      { id: order.get('id') },
    );
    for (const l of lines) {
      const source = { sourceResource: 'lab-orders', sourceId: `${order.get('id')}/${l.code}` };
      const facts =
        event === 'charge.created'
          ? { patientId: order.get('patientId'), encounterId: order.get('encounterId'), department: 'laboratory', priceCode: l.priceCode, description: `${l.name} (${order.get('orderNumber')})`, quantity: 1, ...source }
          : source;
      await services.events.emit(event, facts, ctx);
    }
  }

  /** Panels expand to their tests; a test ordered alone and in a panel is done once, under the panel. */
  async function resolveTests(data: OrderInput) {
    const panels = data.panelIds.length ? ((await LabPanel.findAll({ where: { id: data.panelIds, active: true }, raw: true })) as Row[]) : [];
    if (panels.length !== new Set(data.panelIds).size) throw new Invalid('Unknown or inactive panel', { panelIds: 'unknown or inactive panel' });
    const wanted = new Map<string, string | null>();
    for (const p of panels) for (const t of p.testIds as string[]) if (!wanted.has(t)) wanted.set(t, p.id);
    for (const t of data.testIds) if (!wanted.has(t)) wanted.set(t, null);
    const tests = (await LabTest.findAll({ where: { id: [...wanted.keys()], active: true }, raw: true })) as Row[];
    if (tests.length !== wanted.size) throw new Invalid('Unknown or inactive test', { testIds: 'unknown or inactive test' });
    return { tests, wanted };
  }

  function requireStatus(order: Rec, allowed: string[], doing: string) {
    const status = order.get('status') as string;
    if (!allowed.includes(status)) throw new Conflict(`Order ${order.get('orderNumber')} is ${status}; it cannot be ${doing}`, { status });
  }

  return {
    /** Before the order row is inserted: the encounter must be open; patient and due time come from it and the tests. */
    async prepare(ctx: HandlerContext, data: OrderInput) {
      const [encounter] = await select(`SELECT id, patient_id, status FROM encounters WHERE id = :id`, { id: data.encounterId });
      if (!encounter) throw new Invalid('No such encounter', { encounterId: 'no such encounter' });
      if (encounter.status !== 'open') throw new Conflict('The encounter is closed; tests are ordered during an open encounter', {}, { encounterId: 'is closed' });
      const { tests } = await resolveTests(data);
      const target = PRIORITY_TARGET_MINUTES[data.priority] ?? Math.max(...tests.map((t) => t.turnaroundMinutes));
      return { patientId: encounter.patient_id, orderedBy: ctx.user.id, orderedAt: new Date(), dueAt: new Date(Date.now() + target * 60_000) };
    },

    /** After the insert, in the same transaction: one result row per test, one charge per ordered line. */
    async afterInsert(ctx: HandlerContext, order: Rec, data: OrderInput) {
      const { tests, wanted } = await resolveTests(data);
      const rows = await LabResult.bulkCreate(
        tests.map((t) => ({ orderId: order.get('id'), patientId: order.get('patientId'), testId: t.id, panelId: wanted.get(t.id), unit: t.unit, createdBy: ctx.user.id, updatedBy: ctx.user.id })),
      );
      await order.reload();
      await charges(order, 'charge.created', ctx);
      return rows.map((r) => r.get({ plain: true }));
    },

    async collect(ctx: HandlerContext, order: Rec, collectedAt = new Date()) {
      requireStatus(order, ['ordered'], 'collected');
      const [patient] = await select(`SELECT sex, birth_date::text AS "birthDate" FROM patients WHERE id = :id`, { id: order.get('patientId') });
      const results = await select(
        `SELECT r.id, t.specimen_type AS "specimenType", t.ranges FROM lab_results r JOIN lab_tests t ON t.id = r.test_id
          WHERE r.order_id = :id AND r.status = 'pending' ORDER BY t.specimen_type`,
        { id: order.get('id') },
      );
      const age = ageInDays(patient.birthDate, collectedAt);
      const specimens: Row[] = [];
      for (const type of [...new Set(results.map((r) => r.specimenType as string))]) {
        const specimen = (await Specimen.create({ orderId: order.get('id'), patientId: order.get('patientId'), specimenType: type, collectedBy: ctx.user.id, collectedAt, createdBy: ctx.user.id, updatedBy: ctx.user.id })) as Rec;
        await specimen.reload();
        specimens.push(specimen.get({ plain: true }));
        for (const r of results.filter((x) => x.specimenType === type)) {
          const range: ReferenceRange | null = matchRange(r.ranges, patient.sex as Sex, age);
          await LabResult.update(
            { specimenId: specimen.get('id'), rangeLow: range?.low ?? null, rangeHigh: range?.high ?? null, criticalLow: range?.criticalLow ?? null, criticalHigh: range?.criticalHigh ?? null, updatedBy: ctx.user.id },
            { where: { id: r.id } },
          );
        }
      }
      await order.update({ status: 'collected', collectedAt, updatedBy: ctx.user.id });
      return { order: order.get({ plain: true }), specimens };
    },

    async receive(ctx: HandlerContext, specimen: Rec) {
      if (specimen.get('status') !== 'collected') throw new Conflict(`Specimen ${specimen.get('accessionNumber')} is ${specimen.get('status')}`);
      await specimen.update({ status: 'received', receivedBy: ctx.user.id, receivedAt: new Date(), updatedBy: ctx.user.id });
      const order = (await LabOrder.findByPk(specimen.get('orderId') as string, { lock: true })) as Rec;
      const waiting = await Specimen.count({ where: { orderId: order.get('id'), status: 'collected' } });
      if (!waiting && order.get('status') === 'collected') await order.update({ status: 'received', receivedAt: new Date(), updatedBy: ctx.user.id });
      return specimen;
    },

    /** A rejected sample sends the order back to 'ordered': a new one is collected. */
    async reject(ctx: HandlerContext, specimen: Rec, reason: string) {
      if (!['collected', 'received'].includes(specimen.get('status') as string)) throw new Conflict(`Specimen ${specimen.get('accessionNumber')} is ${specimen.get('status')}`);
      const order = (await LabOrder.findByPk(specimen.get('orderId') as string, { lock: true })) as Rec;
      requireStatus(order, ['collected', 'received'], 'sent back for a new sample (results are being entered)');
      await specimen.update({ status: 'rejected', rejectedBy: ctx.user.id, rejectedAt: new Date(), rejectionReason: reason, updatedBy: ctx.user.id });
      // Every specimen of the order is collected again, so its results come from one collection.
      await Specimen.update({ status: 'rejected', rejectedBy: ctx.user.id, rejectedAt: new Date(), rejectionReason: `Recollected with ${specimen.get('accessionNumber')}: ${reason}` }, { where: { orderId: order.get('id'), status: ['collected', 'received'] } });
      await LabResult.update({ specimenId: null, updatedBy: ctx.user.id }, { where: { orderId: order.get('id'), status: 'pending' } });
      await order.update({ status: 'ordered', collectedAt: null, receivedAt: null, updatedBy: ctx.user.id });
      return specimen;
    },

    async cancel(ctx: HandlerContext, order: Rec, reason: string) {
      requireStatus(order, ['ordered', 'collected', 'received'], 'cancelled (results exist)');
      await LabResult.update({ status: 'cancelled', updatedBy: ctx.user.id }, { where: { orderId: order.get('id') } });
      await order.update({ status: 'cancelled', cancelledAt: new Date(), cancelledBy: ctx.user.id, cancelReason: reason, updatedBy: ctx.user.id });
      await charges(order, 'charge.cancelled', ctx);
      return order;
    },
  };
}
export type OrderLifecycle = ReturnType<typeof orderLifecycle>;
