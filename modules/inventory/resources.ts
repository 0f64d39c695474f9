import { Op, QueryTypes } from 'sequelize';
import type { ModuleContext } from '../../server/host/types.js';
import type { ResourceDefinition } from '../../server/http/resource.js';
import { Invalid } from '../../server/http/errors.js';
import { adjustmentsOf, serialize as serializeAdjustment } from './adjustments.js';
import { belowReorderLevel, expiringBatches, stockValue } from './reports.js';
import { adjustCheckQuery, adjustSchema, daysQuery, issueSchema, itemSchema, locationSchema, receiveSchema, transferSchema, writeOffSchema } from './validation.js';
import { issueStock, receiveStock, transferStock, writeOffExpired } from './workflows.js';
import { contains } from '../../server/http/query.js';

function query<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, q: unknown): T {
  const r = schema.safeParse(q);
  if (r.success) return r.data;
  throw new Invalid('Some query parameters are not valid', Object.fromEntries(r.error.issues.map((i) => [String(i.path[0] ?? '_'), i.message])));
}

export function inventoryResources(ctx: ModuleContext): ResourceDefinition[] {
  const { models, sequelize } = ctx;
  const { StockItem, StockLocation, StockBatch, StockMovement, StockAdjustment } = models;
  const adjustments = adjustmentsOf(ctx);

  const items: ResourceDefinition = {
    name: 'stock-items',
    label: 'Stock items',
    model: StockItem,
    createSchema: itemSchema,
    sortable: ['id', 'code', 'name', 'category', 'reorderLevel', 'createdAt'],
    defaultSort: ['name', 'ASC'],
    filters: { category: 'eq', active: 'eq', code: 'eq' },
    search: (q) => ({ [Op.or]: [{ name: contains(q) }, { code: contains(q) }] }),
    // Items are referred to by batches and by other modules' catalogues: deactivate, never delete.
    operations: { delete: false },
    async detail(_ctx, row) {
      const stock = await sequelize.query(
        `SELECT l.id AS "locationId", l.code AS "locationCode", l.name AS "locationName",
                coalesce(sum(b.quantity) FILTER (WHERE b.expiry_date IS NULL OR b.expiry_date >= current_date), 0)::int AS usable,
                coalesce(sum(b.quantity) FILTER (WHERE b.expiry_date < current_date), 0)::int AS expired
           FROM stock_batches b JOIN stock_locations l ON l.id = b.location_id
          WHERE b.item_id = :id GROUP BY l.id ORDER BY l.code`,
        { type: QueryTypes.SELECT, replacements: { id: row.id } },
      );
      return { ...row, stock };
    },
    actions: [
      {
        name: 'below-reorder',
        access: 'read',
        collection: true,
        method: 'get',
        audited: false,
        summary: 'Items whose unexpired stock is at or below the reorder level; ?locationId= for the items a location stocks',
        handler: async (_ctx, { query: q }) => belowReorderLevel(sequelize, query(daysQuery, q).locationId),
      },
    ],
  };

  const locations: ResourceDefinition = {
    name: 'stock-locations',
    label: 'Stock locations',
    model: StockLocation,
    createSchema: locationSchema,
    sortable: ['id', 'code', 'name', 'kind'],
    defaultSort: ['code', 'ASC'],
    filters: { kind: 'eq', active: 'eq', code: 'eq' },
    search: (q) => ({ name: contains(q) }),
    operations: { delete: false },
  };

  const batches: ResourceDefinition = {
    name: 'stock-batches',
    label: 'Stock batches',
    model: StockBatch,
    sortable: ['id', 'expiryDate', 'lotNumber', 'quantity', 'createdAt'],
    defaultSort: ['expiryDate', 'ASC'],
    filters: {
      itemId: 'eq',
      locationId: 'eq',
      lotNumber: 'eq',
      expiryDate: 'range',
      inStock: (v) => (v === true || v === 'true' ? { quantity: { [Op.gt]: 0 } } : undefined),
    },
    search: (q) => ({ lotNumber: contains(q) }),
    // Batches are made by receipts and changed only by movements (see the actions).
    operations: { create: false, update: false, delete: false },
    actions: [
      {
        name: 'receive',
        collection: true,
        schema: receiveSchema,
        summary: 'Goods received: a lot with its expiry date, quantity and unit cost (minor units)',
        async handler(ctx, { body }) {
          const r = await receiveStock(sequelize, { ...body, actorId: ctx.user.id });
          return (await StockBatch.findByPk(r.batchId))!;
        },
      },
      {
        name: 'adjust',
        schema: adjustSchema,
        summary:
          'Stock count correction of a batch (signed quantity) with a reason. 200 { status: applied }: the stock moved; ' +
          '202 { status: pending-approval, adjustmentId, approvalId }: its value needs approval (rule set on stock.adjustment.requested) and nothing moved yet',
        handler: (c, { record, body }) => adjustments.request(c, record!.get('id') as string, body),
        respond: (res, result: { status: string }) => res.status(result.status === 'pending-approval' ? 202 : 200).json(result),
      },
      {
        name: 'adjust-check',
        access: 'adjust',
        method: 'get',
        audited: false,
        summary: 'What an adjustment of ?quantity=N would be worth and whether it would wait for approval; nothing is written',
        handler: (_c, { record, query: q }) => {
          const { quantity, reason } = query(adjustCheckQuery, q);
          return adjustments.preview(record!.get('id') as string, quantity, reason);
        },
      },
      {
        name: 'transfer',
        schema: transferSchema,
        summary: 'Move part of a batch to another location (same lot and expiry)',
        async handler(ctx, { record, body }) {
          return transferStock(sequelize, { batchId: record!.get('id') as string, to: { locationId: body.toLocationId }, quantity: body.quantity, reason: body.reason, actorId: ctx.user.id });
        },
      },
      {
        name: 'write-off',
        schema: writeOffSchema,
        summary: 'Write off what is left of an expired batch',
        async handler(ctx, { record, body }) {
          return writeOffExpired(sequelize, { batchId: record!.get('id') as string, reason: body.reason, actorId: ctx.user.id });
        },
      },
      {
        name: 'expiring',
        access: 'read',
        collection: true,
        method: 'get',
        audited: false,
        summary: 'Batches with stock expiring within ?days=N (default 30), expired ones included',
        async handler(_ctx, { query: q }) {
          const { days, locationId } = query(daysQuery, q);
          return expiringBatches(sequelize, days, locationId);
        },
      },
      {
        name: 'stock-value',
        access: 'read',
        collection: true,
        method: 'get',
        audited: false,
        summary: 'Value of stock on hand per location (minor units)',
        handler: async () => stockValue(sequelize),
      },
    ],
  };

  const movements: ResourceDefinition = {
    name: 'stock-movements',
    label: 'Stock movements',
    model: StockMovement,
    sortable: ['id', 'createdAt', 'kind', 'quantity'],
    defaultSort: ['createdAt', 'DESC'],
    filters: { batchId: 'eq', itemId: 'eq', locationId: 'eq', kind: 'eq', sourceResource: 'eq', sourceId: 'eq', createdBy: 'eq', createdAt: 'range' },
    search: (q) => ({ reason: contains(q) }),
    // The ledger is append-only (a database trigger refuses edits too).
    operations: { create: false, update: false, delete: false },
    actions: [
      {
        name: 'issue',
        collection: true,
        schema: issueSchema,
        summary: 'Issue stock from a location, first expiry first out; expired batches are never issued',
        handler: async (ctx, { body }) => issueStock(sequelize, { ...body, actorId: ctx.user.id }),
      },
    ],
  };

  const adjustmentRequests: ResourceDefinition = {
    name: 'stock-adjustments',
    label: 'Stock adjustments',
    description: 'Count corrections asked for on a batch: applied at once, or waiting for (or refused by) the approvers',
    model: StockAdjustment,
    sortable: ['id', 'createdAt', 'requestedAt', 'decidedAt', 'status', 'value', 'quantity'],
    defaultSort: ['createdAt', 'DESC'],
    filters: { status: 'eq', batchId: 'eq', itemId: 'eq', locationId: 'eq', requestedBy: 'eq', createdAt: 'range' },
    search: (q) => ({ reason: contains(q) }),
    // Made by the batches' adjust action and decided in the approvals inbox.
    operations: { create: false, update: false, delete: false },
    serialize: serializeAdjustment,
  };

  return [items, locations, batches, movements, adjustmentRequests];
}
