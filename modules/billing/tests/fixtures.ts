/**
 * Test fixtures for billing and the modules that build on it: patients registered through the
 * API and charges emitted the way producing modules emit them (inside a transaction).
 */
import { QueryTypes } from 'sequelize';
import type { Api, TestServer } from '../../../tests/support/harness.js';
import { unique } from '../../../tests/support/harness.js';

export async function registerPatient(clerk: Api, over: Record<string, unknown> = {}) {
  const res = await clerk.post('/api/patients', { givenName: 'Baraka', familyName: `Billing${unique()}`, sex: 'male', birthDate: '1980-06-01', ...over });
  if (res.status !== 201) throw new Error(`patient not registered: ${res.text}`);
  return res.body as { id: string; mrn: string };
}

export interface ChargeFacts {
  patientId: string;
  visitId?: string | null;
  department?: string;
  priceCode: string;
  description?: string;
  quantity?: number;
  sourceResource?: string;
  sourceId?: string;
}

export async function charge(server: TestServer, f: ChargeFacts) {
  const facts = { department: 'Outpatient', description: f.priceCode, quantity: 1, sourceResource: 'test-charges', sourceId: unique(), ...f };
  await server.host.db.sequelize.transaction(() => server.host.services.events.emit('charge.created', facts));
  return facts;
}

export async function cancelCharge(server: TestServer, f: { sourceResource: string; sourceId: string }) {
  await server.host.db.sequelize.transaction(() => server.host.services.events.emit('charge.cancelled', f));
}

export async function draftInvoiceOf(api: Api, patientId: string) {
  const res = await api.list('invoices', { filter: { patientId, status: 'draft' } });
  if (res.status !== 200 || res.body.length !== 1) throw new Error(`expected one draft invoice: ${res.status} ${res.text}`);
  return (await api.get(`/api/invoices/${res.body[0].id}`)).body;
}

/**
 * A checked-in visit. The visits module has no check-in API yet, so the row is made through its
 * model with a token number far above a day's real queue.
 */
export async function newVisit(server: TestServer, patientId: string, clinicIndex = 0) {
  const { Visit } = server.host.models;
  const [clinic] = await server.host.db.sequelize.query<{ id: string }>(`SELECT id FROM clinics ORDER BY code OFFSET :n LIMIT 1`, {
    type: QueryTypes.SELECT,
    replacements: { n: clinicIndex },
  });
  const tokenNumber = 100_000 + Math.floor(Math.random() * 900_000);
  const visit = await Visit.create({ patientId, clinicId: clinic.id, queueDate: new Date().toISOString().slice(0, 10), tokenNumber, token: `T${tokenNumber}` });
  return visit.get('id') as string;
}
