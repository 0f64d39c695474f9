/**
 * Pharmacy test fixtures: an encounter opened by the physician, a drug of this test only with
 * its own stock item (so stock counts are exact whatever else runs), batches received through
 * inventory's API, and prescriptions through ours.
 */
import { QueryTypes } from 'sequelize';
import { expect } from 'vitest';
import type { Api, TestServer } from '../../../tests/support/harness.js';
import { unique } from '../../../tests/support/harness.js';
import { receiveStock } from '../../inventory/workflows.js';

export const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);

export async function openEncounter(physician: Api, patientId: string) {
  const res = await physician.post('/api/encounters', { patientId, chiefComplaint: 'Fever and cough' });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

export async function seededDrug(api: Api, priceCode: string) {
  const res = await api.list('drugs', { filter: { priceCode } });
  expect(res.body).toHaveLength(1);
  return res.body[0] as { id: string; stockItemId: string | null };
}

/** A tablet drug of this test only, stocked as its own inventory item. */
export async function stockedDrug(pharmacist: Api, over: Record<string, unknown> = {}) {
  const code = `DRUG-T${unique().toUpperCase()}`.slice(0, 30);
  const item = await pharmacist.post('/api/stock-items', { code, name: 'Test tablet', unit: 'tablet', category: 'Medicine', reorderLevel: 0 });
  expect(item.status).toBe(201);
  const drug = await pharmacist.post('/api/drugs', {
    genericName: `Testamol ${unique()}`,
    strength: '100 mg',
    strengthValue: 100,
    strengthUnit: 'mg',
    form: 'tablet',
    route: 'oral',
    dispenseUnit: 'tablet',
    atcCode: 'N02BE01',
    priceCode: code,
    stockItemId: item.body.id,
    ...over,
  });
  expect(drug.status).toBe(201);
  return { drug: drug.body as { id: string }, itemId: item.body.id as string, code };
}

export async function receive(pharmacist: Api, itemId: string, lotNumber: string, quantity: number, expiryDate: string) {
  const locations = await pharmacist.list('stock-locations', { filter: { code: 'DISP' } });
  const res = await pharmacist.post('/api/stock-batches/receive', { itemId, locationId: locations.body[0].id, lotNumber, expiryDate, quantity, unitCost: 5 });
  expect(res.status).toBe(200);
}

/** Stock that expired on the shelf: the API refuses expired receipts, so it comes in through inventory's step. */
export async function receiveExpired(server: TestServer, itemId: string, quantity: number) {
  await receiveStock(server.host.db.sequelize, { itemId, locationCode: 'DISP', lotNumber: `EXP-${unique()}`, expiryDate: inDays(-3), quantity, unitCost: 5 });
}

export async function onHand(server: TestServer, itemId: string) {
  const [row] = await server.host.db.sequelize.query<{ total: number; lowest: number }>(
    `SELECT coalesce(sum(b.quantity), 0)::int AS total, coalesce(min(b.quantity), 0)::int AS lowest
       FROM stock_batches b JOIN stock_locations l ON l.id = b.location_id WHERE b.item_id = :itemId AND l.code = 'DISP'`,
    { type: QueryTypes.SELECT, replacements: { itemId } },
  );
  return row!;
}

export const tablets = (drugId: string, perDay: 'OD' | 'BD' | 'TDS' | 'QID', days: number, dose = 1) => ({ drugId, dose, doseUnit: 'tablet', frequency: perDay, durationDays: days });
