/**
 * Stock count corrections asked for by people. The facility's rule set on
 * `stock.adjustment.requested` (default: rules/stock-adjustment-approval.json) decides whether
 * one applies at once or waits for an approval chain; either way it is kept in
 * `stock_adjustments`. An approved one moves the stock in the decider's transaction, a refused
 * one moves nothing.
 */
import { QueryTypes, type Model } from 'sequelize';
import { v7 as uuidv7 } from 'uuid';
import { diff } from '../../server/audit/audit.js';
import type { ModuleContext } from '../../server/host/types.js';
import { Conflict } from '../../server/http/errors.js';
import { plain, type HandlerContext, type Row } from '../../server/http/resource.js';
import type { ApprovalApi, ApprovalHookContext } from '../../server/workflows/approvals.js';
import type { DecisionRegistry } from '../../server/workflows/decisions.js';
import type { Decision } from '../../server/workflows/rules.js';
import { adjustStock } from './workflows.js';

export const ADJUSTMENT_EVENT = 'stock.adjustment.requested';
export const ADJUSTMENT_FACTS = ['value', 'quantity', 'direction', 'reason', 'itemCode', 'itemCategory', 'locationCode', 'locationKind'];
const RESOURCE = 'stock-adjustments';

interface BatchFacts {
  lotNumber: string;
  quantity: number;
  unitCost: number;
  itemId: string;
  itemCode: string;
  itemName: string;
  itemCategory: string;
  unit: string;
  locationId: string;
  locationCode: string;
  locationName: string;
  locationKind: string;
}

export function adjustmentsOf({ models, sequelize, services, config }: ModuleContext) {
  const { StockAdjustment, StockBatch } = models;
  const money = (minor: number) => `${config.currency} ${(minor / 100).toFixed(2)}`;

  const batchFacts = async (batchId: string): Promise<BatchFacts> => {
    const [row] = await sequelize.query<BatchFacts>(
      `SELECT b.lot_number AS "lotNumber", b.quantity, b.unit_cost AS "unitCost",
              i.id AS "itemId", i.code AS "itemCode", i.name AS "itemName", i.category AS "itemCategory", i.unit,
              l.id AS "locationId", l.code AS "locationCode", l.name AS "locationName", l.kind AS "locationKind"
         FROM stock_batches b JOIN stock_items i ON i.id = b.item_id JOIN stock_locations l ON l.id = b.location_id
        WHERE b.id = :id`,
      { type: QueryTypes.SELECT, replacements: { id: batchId } },
    );
    return row;
  };

  /** What the rules see, and what they decide, for this change of this batch. */
  const decide = async (batchId: string, quantity: number, reason: string) => {
    const b = await batchFacts(batchId);
    const value = Math.abs(quantity) * b.unitCost;
    const facts = {
      value,
      quantity,
      direction: quantity > 0 ? 'increase' : 'decrease',
      reason,
      itemCode: b.itemCode,
      itemCategory: b.itemCategory,
      locationCode: b.locationCode,
      locationKind: b.locationKind,
    };
    const decisions = await services.rules.decide(ADJUSTMENT_EVENT, facts);
    // One approval chain per request, the first rule's (rule priority order).
    const approval = decisions.find((d) => d.type === 'approval.required');
    return { batch: b, value, facts, approval, decisions: decisions.filter((d) => d.type !== 'approval.required' || d === approval) };
  };

  const refuseBelowZero = (b: { lotNumber: string; quantity: number }, quantity: number, then: string) => {
    if (b.quantity + quantity >= 0) return;
    throw new Conflict(`Lot ${b.lotNumber} holds ${b.quantity}: taking ${-quantity} would leave it below zero${then}`, { available: b.quantity }, { quantity: `at least -${b.quantity}` });
  };

  const approvalOf = (d: Decision | undefined) => (d ? { chain: d.params.chain as string[], ruleSet: d.ruleSet, rule: d.rule ?? null } : null);

  /** Whether this change would apply at once or wait for approval; nothing is written. */
  async function preview(batchId: string, quantity: number, reason = '') {
    const { batch, value, approval } = await decide(batchId, quantity, reason);
    return { batchId, quantity, unitCost: batch.unitCost, value, onHand: batch.quantity, balanceAfter: batch.quantity + quantity, approvalRequired: approvalOf(approval) };
  }

  /**
   * Records the request and applies it, or opens its approval. Runs in the adjust action's
   * transaction, with the batch locked.
   */
  async function request(ctx: HandlerContext, batchId: string, body: { quantity: number; reason: string }) {
    const { batch, value, facts, approval, decisions } = await decide(batchId, body.quantity, body.reason);
    refuseBelowZero(batch, body.quantity, '');
    const id = uuidv7();
    const now = new Date();
    const common = {
      id,
      batchId,
      itemId: batch.itemId,
      locationId: batch.locationId,
      quantity: body.quantity,
      unitCost: batch.unitCost,
      value,
      reason: body.reason,
      requestedBy: ctx.user.id,
      requestedAt: now,
      createdBy: ctx.user.id,
      updatedBy: ctx.user.id,
    };
    let adjustment: Model;
    if (approval) {
      adjustment = await StockAdjustment.create({ ...common, status: 'pending-approval', ruleSet: approval.ruleSet });
    } else {
      const applied = await adjustStock(sequelize, { batchId, quantity: body.quantity, reason: body.reason, source: { resource: RESOURCE, id }, actorId: ctx.user.id });
      adjustment = await StockAdjustment.create({ ...common, status: 'applied', movementId: applied.movementId, appliedAt: now });
    }
    await services.audit.record(ctx, { action: 'create', resource: RESOURCE, recordId: id, after: plain(adjustment) });
    const sign = body.quantity > 0 ? '+' : '';
    const summary = `Stock adjustment ${sign}${body.quantity} ${batch.unit} of ${batch.itemName} (${batch.itemCode}), lot ${batch.lotNumber} at ${batch.locationName}: value ${money(value)}. Reason: ${body.reason}`;
    const applied = decisions.length
      ? await services.get<DecisionRegistry>('decisions').apply(decisions, { resource: RESOURCE, recordId: id, summary, facts, ctx })
      : [];
    const opened = applied.find((d) => d.type === 'approval.required')?.result as Row | undefined;
    // The batch is locked until commit: this is what it holds afterwards.
    const onHand = approval ? batch.quantity : batch.quantity + body.quantity;
    return {
      ...serialize(plain(adjustment)),
      adjustmentId: id,
      onHand,
      approvalId: opened?.id ?? null,
      approvalRequired: approvalOf(approval),
      message: approval
        ? `The value ${money(value)} needs approval: the request waits for ${(approval.params.chain as string[]).join(', then ')}; the stock has not changed`
        : `Adjusted: lot ${batch.lotNumber} now holds ${onHand}`,
    };
  }

  const decider = (h: ApprovalHookContext) => h.ctx?.user?.id ?? null;

  /** Moves a pending request to its decided state, with its audit row; `apply` may refuse (409). */
  const settle = async (h: ApprovalHookContext, action: 'approve' | 'reject', apply?: (adjustment: Row) => Promise<Row>) => {
    const record = await StockAdjustment.findByPk(h.approval.recordId, { lock: true });
    if (!record || record.get('status') !== 'pending-approval') return;
    const before = plain(record);
    const extra = apply ? await apply(before) : { status: 'refused' };
    await record.update({ ...extra, decidedBy: decider(h), decidedAt: new Date(), decisionComment: h.approval.comment ?? null, updatedBy: decider(h) });
    await services.audit.record(h.ctx, { action, resource: RESOURCE, recordId: before.id, ...diff(before, plain(record)) });
  };

  function registerApprovals() {
    services.get<ApprovalApi>('approvals').register({
      resource: RESOURCE,
      label: 'Stock adjustment',
      onApproved: (h) =>
        settle(h, 'approve', async (a) => {
          const batch = (await StockBatch.findByPk(a.batchId, { lock: true }))!;
          refuseBelowZero({ lotNumber: batch.get('lotNumber') as string, quantity: batch.get('quantity') as number }, a.quantity, ' now. Reject this request and count the lot again');
          const moved = await adjustStock(sequelize, { batchId: a.batchId, quantity: a.quantity, reason: a.reason, source: { resource: RESOURCE, id: a.id }, actorId: decider(h) });
          return { status: 'applied', movementId: moved.movementId, appliedAt: new Date() };
        }),
      onRejected: (h) => settle(h, 'reject'),
    });
  }

  return { preview, request, registerApprovals };
}

/** `value` is a bigint column: PostgreSQL sends it as text. */
export const serialize = (row: Row): Row => (row.value === undefined || row.value === null ? row : { ...row, value: Number(row.value) });
