/**
 * Inventory steps: the only way another module changes stock. Stable API (pharmacy dispensing,
 * laboratory reagents); add fields, never change these shapes.
 *
 *   // module.ts of the consumer: dependsOn: ['inventory']
 *   const inventory = services.get<InventoryService>('inventory');
 *   const issued = await inventory.issueStock({
 *     itemCode: 'DRUG-AMOX-500', locationCode: 'DISP', quantity: 21, reason: 'Dispensed',
 *     kind: 'issue',                                   // or 'consumption' (reagents used by a test)
 *     source: { resource: 'prescriptions', id }, actorId: ctx.user.id,
 *   });
 *   // issued = { itemId, locationId, quantity, cost, movements: [{ movementId, batchId, lotNumber, expiryDate, quantity, unitCost }] }
 *   await inventory.returnStock(issued, { reason: 'Dispense cancelled', actorId });   // the compensation
 *
 * `issueStock` picks batches first-expiry-first-out, never an expired batch (usable through its
 * expiry date), and throws Conflict (409, `{ available }`) when there is not enough; an unknown
 * item or location is NotFound (404). Every function joins the caller's open transaction (CLS),
 * so a rollback of the caller undoes the stock change too; without one it opens its own.
 * Batches are locked FOR UPDATE in FEFO order, one consistent order, so concurrent issues queue
 * instead of deadlocking, and the database CHECK keeps every quantity >= 0 whatever happens.
 * The same functions are exported standalone (first argument: the Sequelize instance).
 *
 * `adjustStock` applies a correction as it is told; a person's correction goes through
 * adjustments.ts, where the facility's rule set may send it for approval first.
 */
import { QueryTypes, Sequelize } from 'sequelize';
import { v7 as uuidv7 } from 'uuid';
import { Conflict, Invalid, NotFound } from '../../server/http/errors.js';

export type StockRef = { itemId?: string; itemCode?: string };
export type LocationRef = { locationId?: string; locationCode?: string };
export interface Source {
  resource: string;
  id: string;
}

export interface IssueStockInput extends StockRef, LocationRef {
  quantity: number;
  reason: string;
  kind?: 'issue' | 'consumption';
  source?: Source;
  actorId?: string | null;
}
export interface PickedBatch {
  movementId: string;
  batchId: string;
  lotNumber: string;
  expiryDate: string | null;
  quantity: number;
  unitCost: number;
}
export interface IssueStockResult {
  itemId: string;
  locationId: string;
  quantity: number;
  /** Cost of what was issued, minor units. */
  cost: number;
  movements: PickedBatch[];
}
export interface ReceiveStockInput extends StockRef, LocationRef {
  lotNumber: string;
  expiryDate?: string | null;
  quantity: number;
  /** Minor units per unit. */
  unitCost: number;
  reason?: string | null;
  source?: Source;
  actorId?: string | null;
}
export interface AdjustStockInput {
  batchId: string;
  /** Signed change: +3 found, -2 broken. */
  quantity: number;
  reason: string;
  /** The request it applies (`stock-adjustments`), when it went through one. */
  source?: Source;
  actorId?: string | null;
}
export interface EnsureItemInput {
  code: string;
  name: string;
  unit: string;
  category: string;
  reorderLevel?: number;
}
export interface TransferStockInput {
  batchId: string;
  to: LocationRef;
  quantity: number;
  reason?: string | null;
  actorId?: string | null;
}
export interface WriteOffInput {
  batchId: string;
  reason: string;
  actorId?: string | null;
}

type Row = Record<string, any>;

/** Runs `fn` in the caller's CLS transaction when there is one (never a second, parallel one). */
async function inTransaction<T>(db: Sequelize, fn: () => Promise<T>): Promise<T> {
  const cls = (Sequelize as unknown as { _cls?: { get(k: string): unknown } })._cls;
  if (cls?.get('transaction')) return fn();
  return db.transaction(fn);
}

/** A date column as YYYY-MM-DD, whichever way the driver hands it over. */
const day = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

const select = <T extends object = Row>(db: Sequelize, sql: string, replacements: Row): Promise<T[]> => db.query<T>(sql, { type: QueryTypes.SELECT, replacements });

function positiveInt(n: unknown, field = 'quantity') {
  if (!Number.isInteger(n) || (n as number) <= 0) throw new Invalid(`${field} must be a whole number above zero`, { [field]: 'a whole number above zero' });
}

async function itemId(db: Sequelize, ref: StockRef): Promise<string> {
  const [row] = ref.itemId
    ? await select(db, `SELECT id FROM stock_items WHERE id = :id`, { id: ref.itemId })
    : await select(db, `SELECT id FROM stock_items WHERE code = :code`, { code: ref.itemCode ?? '' });
  if (!row) throw new NotFound(`No stock item ${ref.itemId ?? ref.itemCode}`);
  return row.id;
}

async function locationId(db: Sequelize, ref: LocationRef): Promise<string> {
  const [row] = ref.locationId
    ? await select(db, `SELECT id FROM stock_locations WHERE id = :id`, { id: ref.locationId })
    : await select(db, `SELECT id FROM stock_locations WHERE code = :code`, { code: ref.locationCode ?? '' });
  if (!row) throw new NotFound(`No stock location ${ref.locationId ?? ref.locationCode}`);
  return row.id;
}

async function lockBatch(db: Sequelize, batchId: string): Promise<Row> {
  const [batch] = await select(db, `SELECT * FROM stock_batches WHERE id = :id FOR UPDATE`, { id: batchId });
  if (!batch) throw new NotFound(`No stock batch ${batchId}`);
  return batch;
}

interface MovementRow {
  kind: string;
  batchId: string;
  itemId: string;
  locationId: string;
  quantity: number;
  reason?: string | null;
  source?: Source;
  relatedId?: string | null;
  actorId?: string | null;
}

/** Inserts one movement; the database trigger applies it to the batch and refuses a negative balance. */
async function move(db: Sequelize, m: MovementRow): Promise<{ id: string; balanceAfter: number }> {
  const id = uuidv7();
  const [row] = await select<{ balance_after: number }>(
    db,
    `INSERT INTO stock_movements (id, kind, batch_id, item_id, location_id, quantity, reason, source_resource, source_id, related_id, created_by, updated_by)
     VALUES (:id, :kind, :batchId, :itemId, :locationId, :quantity, :reason, :sourceResource, :sourceId, :relatedId, :actor, :actor)
     RETURNING balance_after`,
    {
      id,
      kind: m.kind,
      batchId: m.batchId,
      itemId: m.itemId,
      locationId: m.locationId,
      quantity: m.quantity,
      reason: m.reason ?? null,
      sourceResource: m.source?.resource ?? null,
      sourceId: m.source?.id ?? null,
      relatedId: m.relatedId ?? null,
      actor: m.actorId ?? null,
    },
  );
  return { id, balanceAfter: row.balance_after };
}

/** The batch of this lot at this location, created empty if new (concurrent receipts share it). */
async function batchFor(db: Sequelize, item: string, location: string, lot: Row): Promise<Row> {
  await db.query(
    `INSERT INTO stock_batches (id, item_id, location_id, lot_number, expiry_date, unit_cost, created_by, updated_by)
     VALUES (:id, :item, :location, :lotNumber, :expiryDate, :unitCost, :actor, :actor)
     ON CONFLICT (item_id, location_id, lot_number) DO NOTHING`,
    { replacements: { id: uuidv7(), item, location, lotNumber: lot.lotNumber, expiryDate: lot.expiryDate ?? null, unitCost: lot.unitCost, actor: lot.actorId ?? null } },
  );
  const [batch] = await select(db, `SELECT * FROM stock_batches WHERE item_id = :item AND location_id = :location AND lot_number = :lot FOR UPDATE`, {
    item,
    location,
    lot: lot.lotNumber,
  });
  const given = lot.expiryDate ?? null;
  const stored = day(batch.expiry_date);
  if (given !== stored) {
    throw new Conflict(`Lot ${lot.lotNumber} is already stocked here with expiry ${stored ?? 'none'}`, { batchId: batch.id }, { expiryDate: `lot ${lot.lotNumber} expires ${stored ?? 'never'} here` });
  }
  return batch;
}

export async function receiveStock(db: Sequelize, input: ReceiveStockInput) {
  positiveInt(input.quantity);
  if (!Number.isInteger(input.unitCost) || input.unitCost < 0) throw new Invalid('unitCost must be a whole number of minor units', { unitCost: 'minor units, 0 or more' });
  if (!input.lotNumber?.trim()) throw new Invalid('A receipt needs a lot number', { lotNumber: 'required' });
  return inTransaction(db, async () => {
    const item = await itemId(db, input);
    const location = await locationId(db, input);
    const batch = await batchFor(db, item, location, input);
    // A lot received again at another price is valued at the weighted average of what is on hand.
    if (batch.unit_cost !== input.unitCost) {
      const total = batch.quantity + input.quantity;
      const cost = Math.round((batch.quantity * batch.unit_cost + input.quantity * input.unitCost) / total);
      await db.query(`UPDATE stock_batches SET unit_cost = :cost WHERE id = :id`, { replacements: { cost, id: batch.id } });
    }
    const m = await move(db, { kind: 'receipt', batchId: batch.id, itemId: item, locationId: location, quantity: input.quantity, reason: input.reason, source: input.source, actorId: input.actorId });
    return { batchId: batch.id as string, movementId: m.id, quantity: m.balanceAfter };
  });
}

export async function issueStock(db: Sequelize, input: IssueStockInput): Promise<IssueStockResult> {
  positiveInt(input.quantity);
  if (!input.reason?.trim()) throw new Invalid('Say why stock is issued', { reason: 'required' });
  return inTransaction(db, async () => {
    const item = await itemId(db, input);
    const location = await locationId(db, input);
    // Lock every usable batch in FEFO order; concurrent issues wait here in the same order.
    const batches = await select(
      db,
      `SELECT id, lot_number, expiry_date, quantity, unit_cost FROM stock_batches
        WHERE item_id = :item AND location_id = :location AND quantity > 0 AND (expiry_date IS NULL OR expiry_date >= current_date)
        ORDER BY expiry_date ASC NULLS LAST, created_at, id
        FOR UPDATE`,
      { item, location },
    );
    const available = batches.reduce((s, b) => s + b.quantity, 0);
    if (available < input.quantity) {
      throw new Conflict(`Only ${available} in stock (unexpired) at this location; ${input.quantity} asked`, { available }, { quantity: `only ${available} available` });
    }
    const movements: PickedBatch[] = [];
    let left = input.quantity;
    for (const b of batches) {
      if (left === 0) break;
      const take = Math.min(left, b.quantity);
      const m = await move(db, {
        kind: input.kind ?? 'issue',
        batchId: b.id,
        itemId: item,
        locationId: location,
        quantity: -take,
        reason: input.reason,
        source: input.source,
        actorId: input.actorId,
      });
      movements.push({ movementId: m.id, batchId: b.id, lotNumber: b.lot_number, expiryDate: day(b.expiry_date), quantity: take, unitCost: b.unit_cost });
      left -= take;
    }
    return { itemId: item, locationId: location, quantity: input.quantity, cost: movements.reduce((s, m) => s + m.quantity * m.unitCost, 0), movements };
  });
}

/** Compensation of issueStock: puts back what was taken, batch by batch; a second call does nothing. */
export async function returnStock(db: Sequelize, issued: IssueStockResult | undefined | null, opts: { reason?: string; actorId?: string | null } = {}) {
  if (!issued?.movements?.length) return { returned: 0 };
  return inTransaction(db, async () => {
    let returned = 0;
    for (const m of issued.movements) {
      const [already] = await select(db, `SELECT 1 FROM stock_movements WHERE kind = 'return' AND related_id = :id`, { id: m.movementId });
      if (already) continue;
      await lockBatch(db, m.batchId);
      await move(db, {
        kind: 'return',
        batchId: m.batchId,
        itemId: issued.itemId,
        locationId: issued.locationId,
        quantity: m.quantity,
        reason: opts.reason ?? 'Returned',
        relatedId: m.movementId,
        actorId: opts.actorId,
      });
      returned += m.quantity;
    }
    return { returned };
  });
}

export async function adjustStock(db: Sequelize, input: AdjustStockInput) {
  if (!Number.isInteger(input.quantity) || input.quantity === 0) throw new Invalid('An adjustment changes the quantity by a whole number', { quantity: 'a whole number, not 0' });
  if (!input.reason?.trim()) throw new Invalid('An adjustment needs a reason', { reason: 'required' });
  return inTransaction(db, async () => {
    const batch = await lockBatch(db, input.batchId);
    if (batch.quantity + input.quantity < 0) {
      throw new Conflict(`The batch holds ${batch.quantity}; it cannot go below zero`, { available: batch.quantity }, { quantity: `at least -${batch.quantity}` });
    }
    const m = await move(db, { kind: 'adjustment', batchId: batch.id, itemId: batch.item_id, locationId: batch.location_id, quantity: input.quantity, reason: input.reason, source: input.source, actorId: input.actorId });
    return { batchId: batch.id as string, movementId: m.id, quantity: m.balanceAfter };
  });
}

export async function transferStock(db: Sequelize, input: TransferStockInput) {
  positiveInt(input.quantity);
  return inTransaction(db, async () => {
    const from = await lockBatch(db, input.batchId);
    const to = await locationId(db, input.to);
    if (to === from.location_id) throw new Invalid('Transfer to another location', { toLocationId: 'is where the batch already is' });
    if (from.quantity < input.quantity) throw new Conflict(`The batch holds ${from.quantity}`, { available: from.quantity }, { quantity: `only ${from.quantity} available` });
    const target = await batchFor(db, from.item_id, to, {
      lotNumber: from.lot_number,
      expiryDate: day(from.expiry_date),
      unitCost: from.unit_cost,
      actorId: input.actorId,
    });
    const out = await move(db, { kind: 'transfer-out', batchId: from.id, itemId: from.item_id, locationId: from.location_id, quantity: -input.quantity, reason: input.reason, actorId: input.actorId });
    const into = await move(db, { kind: 'transfer-in', batchId: target.id, itemId: from.item_id, locationId: to, quantity: input.quantity, reason: input.reason, relatedId: out.id, actorId: input.actorId });
    return { fromBatchId: from.id as string, toBatchId: target.id as string, movementIds: [out.id, into.id] };
  });
}

/** Removes what is left of an expired batch from stock. */
export async function writeOffExpired(db: Sequelize, input: WriteOffInput) {
  if (!input.reason?.trim()) throw new Invalid('A write-off needs a reason', { reason: 'required' });
  return inTransaction(db, async () => {
    const batch = await lockBatch(db, input.batchId);
    const [{ expired }] = await select<{ expired: boolean }>(db, `SELECT (:expiry::date < current_date) AS expired`, { expiry: batch.expiry_date ?? null });
    if (!expired) throw new Conflict(`Lot ${batch.lot_number} has not expired; use an adjustment for other losses`);
    if (batch.quantity === 0) throw new Conflict(`Lot ${batch.lot_number} is already empty`);
    const m = await move(db, { kind: 'expiry-write-off', batchId: batch.id, itemId: batch.item_id, locationId: batch.location_id, quantity: -batch.quantity, reason: input.reason, actorId: input.actorId });
    return { batchId: batch.id as string, movementId: m.id, writtenOff: batch.quantity };
  });
}

/**
 * The stock item with this code, created when missing (another module's catalogue, such as the
 * formulary, stocking what it lists); an existing item is left as an administrator set it.
 */
export async function ensureItem(db: Sequelize, input: EnsureItemInput): Promise<{ id: string; created: boolean }> {
  if (!input.code?.trim() || !input.name?.trim() || !input.unit?.trim() || !input.category?.trim()) {
    throw new Invalid('A stock item needs a code, name, unit and category', { code: 'required' });
  }
  return inTransaction(db, async () => {
    const [inserted] = await select<{ id: string }>(
      db,
      `INSERT INTO stock_items (id, code, name, unit, category, reorder_level) VALUES (:id, :code, :name, :unit, :category, :reorderLevel)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      { id: uuidv7(), ...input, reorderLevel: input.reorderLevel ?? 0 },
    );
    if (inserted) return { id: inserted.id, created: true };
    return { id: await itemId(db, { itemCode: input.code }), created: false };
  });
}

/** What `services.get<InventoryService>('inventory')` returns. */
export function inventoryService(db: Sequelize) {
  return {
    receiveStock: (input: ReceiveStockInput) => receiveStock(db, input),
    issueStock: (input: IssueStockInput) => issueStock(db, input),
    returnStock: (issued: IssueStockResult | undefined | null, opts?: { reason?: string; actorId?: string | null }) => returnStock(db, issued, opts),
    adjustStock: (input: AdjustStockInput) => adjustStock(db, input),
    transferStock: (input: TransferStockInput) => transferStock(db, input),
    writeOffExpired: (input: WriteOffInput) => writeOffExpired(db, input),
    ensureItem: (input: EnsureItemInput) => ensureItem(db, input),
  };
}
export type InventoryService = ReturnType<typeof inventoryService>;
