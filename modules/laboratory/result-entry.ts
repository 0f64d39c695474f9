/**
 * Results: entry (flag from the range kept at collection, reagents consumed from the
 * laboratory's stock through inventory's step), four-eyes verification, amendments of verified
 * results (the database keeps the previous value), critical results and their acknowledgement.
 */
import { QueryTypes, type Model } from 'sequelize';
import type { ModuleContext } from '../../server/host/types.js';
import type { HandlerContext, Row } from '../../server/http/resource.js';
import { Conflict, Invalid } from '../../server/http/errors.js';
import type { InventoryService } from '../inventory/workflows.js';
import { CRITICAL_FLAGS, codedFlag, numericFlag, type Flag } from './ranges.js';
import { raiseCritical } from './critical-results.js';

type Rec = Model & Row;

/** The stock location reagents are taken from (inventory's seeded laboratory store). */
export const LAB_STOCK_LOCATION = 'LAB';

export function resultEntry(mctx: ModuleContext) {
  const { sequelize, models, services } = mctx;
  const { LabOrder, LabResult, LabResultAmendment } = models;
  const inventory = () => services.get<InventoryService>('inventory');

  const testOf = async (testId: string) => {
    const [t] = await sequelize.query<Row>(`SELECT * FROM lab_tests WHERE id = :id`, { type: QueryTypes.SELECT, replacements: { id: testId } });
    return t;
  };

  /** The stored value and flag for what was typed; a wrong kind of value is a 400 on that field. */
  function interpret(test: Row, result: Rec, value: number | string, field: string): { valueNumeric: number | null; valueCoded: string | null; flag: Flag } {
    if (test.result_type === 'numeric') {
      const n = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
      if (!Number.isFinite(n)) throw new Invalid(`${test.name} needs a number`, { [field]: 'a number' });
      const range = { low: result.get('rangeLow') as number | null, high: result.get('rangeHigh') as number | null, criticalLow: result.get('criticalLow') as number | null, criticalHigh: result.get('criticalHigh') as number | null };
      return { valueNumeric: n, valueCoded: null, flag: numericFlag(n, { sex: 'any', ageFromDays: 0, ageToDays: null, ...range }) };
    }
    const coded = String(value).trim();
    const allowed: string[] = test.coded_values ?? [];
    const match = allowed.find((v) => v.toLowerCase() === coded.toLowerCase());
    if (allowed.length && !match) throw new Invalid(`${test.name} is one of ${allowed.join(', ')}`, { [field]: `one of ${allowed.join(', ')}` });
    return { valueNumeric: null, valueCoded: match ?? coded, flag: codedFlag(coded, test.abnormal_values ?? []) };
  }

  async function loadOrder(result: Rec) {
    return (await LabOrder.findByPk(result.get('orderId') as string, { lock: true })) as Rec;
  }

  /** Moves the order along as its results come in and are verified. */
  async function advance(ctx: HandlerContext, order: Rec) {
    const rows = await sequelize.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM lab_results WHERE order_id = :id AND status <> 'cancelled' GROUP BY status`,
      { type: QueryTypes.SELECT, replacements: { id: order.get('id') } },
    );
    const count = (s: string[]) => rows.filter((r) => s.includes(r.status)).reduce((a, r) => a + r.n, 0);
    const total = count(['pending', 'entered', 'verified', 'amended']);
    const status = order.get('status');
    if (count(['verified', 'amended']) === total && status === 'resulted') {
      await order.update({ status: 'verified', verifiedAt: new Date(), updatedBy: ctx.user.id });
      await services.events.emit('lab-order.verified', { orderId: order.get('id'), patientId: order.get('patientId'), orderedBy: order.get('orderedBy') }, ctx);
    } else if (count(['pending']) === 0 && ['received', 'in-progress'].includes(status as string)) {
      await order.update({ status: 'resulted', resultedAt: new Date(), updatedBy: ctx.user.id });
    } else if (status === 'received') {
      await order.update({ status: 'in-progress', updatedBy: ctx.user.id });
    }
  }

  async function enterOne(ctx: HandlerContext, order: Rec, result: Rec, value: number | string, comment: string | null | undefined, field: string) {
    const status = result.get('status');
    if (status === 'verified' || status === 'amended') throw new Conflict('This result is verified; correct it with an amendment', {}, { [field]: 'verified: amend it' });
    if (status === 'cancelled') throw new Conflict('This test was cancelled', {}, { [field]: 'cancelled' });
    const test = await testOf(result.get('testId') as string);
    const interpreted = interpret(test, result, value, field);
    const first = status === 'pending';
    const wasCritical = CRITICAL_FLAGS.includes(result.get('flag') as Flag);
    await result.update({ ...interpreted, comment: comment ?? null, status: 'entered', enteredBy: ctx.user.id, enteredAt: new Date(), updatedBy: ctx.user.id });
    if (first) {
      for (const r of (test.reagents ?? []) as { itemCode: string; quantity: number }[]) {
        await inventory().issueStock({
          itemCode: r.itemCode,
          locationCode: LAB_STOCK_LOCATION,
          quantity: r.quantity,
          kind: 'consumption',
          reason: `${test.code} for order ${order.get('orderNumber')}`,
          source: { resource: 'lab-results', id: result.get('id') as string },
          actorId: ctx.user.id,
        });
      }
    }
    if (CRITICAL_FLAGS.includes(interpreted.flag) && !wasCritical) await raiseCritical(mctx, ctx, order, result, test);
    return result;
  }

  return {
    /** Several results of one order at once (the entry grid), all or nothing. */
    async enter(ctx: HandlerContext, order: Rec, entries: { resultId: string; value: number | string; comment?: string | null }[]) {
      if (!['received', 'in-progress', 'resulted'].includes(order.get('status') as string)) {
        throw new Conflict(`Order ${order.get('orderNumber')} is ${order.get('status')}: results are entered once the specimen is received`, { status: order.get('status') });
      }
      const out: Row[] = [];
      for (const [i, e] of entries.entries()) {
        const result = (await LabResult.findOne({ where: { id: e.resultId, orderId: order.get('id') }, lock: true })) as Rec | null;
        if (!result) throw new Invalid('A result does not belong to this order', { [`results.${i}.resultId`]: 'not a result of this order' });
        out.push((await enterOne(ctx, order, result, e.value, e.comment, `results.${i}.value`)).get({ plain: true }));
      }
      await advance(ctx, order);
      return out;
    },

    async enterResult(ctx: HandlerContext, result: Rec, value: number | string, comment?: string | null) {
      const order = await loadOrder(result);
      await this.enter(ctx, order, [{ resultId: result.get('id') as string, value, comment }]);
      return result.reload();
    },

    async verify(ctx: HandlerContext, result: Rec) {
      if (result.get('status') !== 'entered') throw new Conflict(`Only an entered result is verified; this one is ${result.get('status')}`);
      if (result.get('enteredBy') === ctx.user.id) {
        throw new Conflict('You entered this result: another person must verify it (four-eyes rule)', { rule: 'four-eyes' });
      }
      await result.update({ status: 'verified', verifiedBy: ctx.user.id, verifiedAt: new Date(), updatedBy: ctx.user.id });
      await advance(ctx, await loadOrder(result));
      return result;
    },

    /** Every entered result of an order; refused whole if the verifier entered any of them. */
    async verifyOrder(ctx: HandlerContext, order: Rec) {
      const entered = (await LabResult.findAll({ where: { orderId: order.get('id'), status: 'entered' }, lock: true })) as Rec[];
      if (!entered.length) throw new Conflict('No entered result is waiting for verification on this order');
      if (entered.some((r) => r.get('enteredBy') === ctx.user.id)) {
        throw new Conflict('You entered results of this order: another person must verify them (four-eyes rule)', { rule: 'four-eyes' });
      }
      for (const r of entered) await r.update({ status: 'verified', verifiedBy: ctx.user.id, verifiedAt: new Date(), updatedBy: ctx.user.id });
      await advance(ctx, order);
      return order.reload();
    },

    async amend(ctx: HandlerContext, result: Rec, value: number | string, reason: string) {
      if (!['verified', 'amended'].includes(result.get('status') as string)) throw new Conflict('Only a verified result is amended; an entered one is simply entered again');
      const test = await testOf(result.get('testId') as string);
      const next = interpret(test, result, value, 'value');
      const wasCritical = CRITICAL_FLAGS.includes(result.get('flag') as Flag);
      await LabResultAmendment.create({ resultId: result.get('id'), ...next, reason, amendedBy: ctx.user.id });
      await result.reload();
      if (CRITICAL_FLAGS.includes(next.flag) && !wasCritical) await raiseCritical(mctx, ctx, await loadOrder(result), result, test);
      return result;
    },

    async acknowledge(ctx: HandlerContext, result: Rec) {
      if (!CRITICAL_FLAGS.includes(result.get('flag') as Flag)) throw new Conflict('Only a critical result is acknowledged');
      if (result.get('criticalAcknowledgedAt')) throw new Conflict('This critical result was already acknowledged');
      await result.update({ criticalAcknowledgedBy: ctx.user.id, criticalAcknowledgedAt: new Date(), updatedBy: ctx.user.id });
      return result;
    },
  };
}
export type ResultEntry = ReturnType<typeof resultEntry>;
