/**
 * Patient chart bench: one patient with 1,000 encounters (each with a diagnosis), paged through
 * `GET /api/patients/:id/chart` against the very same statements run directly with `pg`
 * (existence check, the keyset page and its sections, the read-access audit row).
 * Called by tests/bench/run.ts as `benchChart(ctx)`; returns one line with the p50 ratio.
 */
import type pg from 'pg';
import type { Host } from '../../server/host/host.js';
import { decodeCursor } from '../../modules/clinical/chart/chart.queries.js';
import { loadChart, type Query } from '../../modules/clinical/chart/chart.service.js';
import type { BenchClient } from './client.js';
import type { compare as compareFn, format as formatFn } from './measure.js';

export interface ChartBenchContext {
  host: Host;
  pool: pg.Pool;
  /** A physician's client of the served host. */
  client: BenchClient;
  compare: typeof compareFn;
  format: typeof formatFn;
  iterations?: number;
}

const ENCOUNTERS = 1000;
const PAGE = 20;
const PAGES_MEASURED = 10;

async function benchPatient(pool: pg.Pool): Promise<string> {
  const found = await pool.query<{ id: string }>(`SELECT id FROM patients WHERE national_id = 'CHART-BENCH-1000'`);
  if (found.rows[0]) return found.rows[0].id;
  const { rows: [patient] } = await pool.query<{ id: string }>(
    `INSERT INTO patients (given_name, family_name, sex, birth_date, national_id) VALUES ('Chart', 'Bench', 'female', '1970-01-01', 'CHART-BENCH-1000') RETURNING id`,
  );
  await pool.query(`INSERT INTO patient_allergies (patient_id, substance, severity) VALUES ($1, 'Penicillin', 'severe'), ($1, 'Peanuts', 'moderate')`, [patient.id]);
  return patient.id;
}

/** Tops the bench patient up to 1,000 encounters, one every ~3 days back, each with a diagnosis. */
async function loadEncounters(pool: pg.Pool, patientId: string) {
  const { rows: [{ n }] } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM encounters WHERE patient_id = $1`, [patientId]);
  if (n >= ENCOUNTERS) return;
  const { rows: [physician] } = await pool.query<{ id: string }>(`SELECT id FROM users WHERE 'physician' = ANY(roles) ORDER BY created_at LIMIT 1`);
  await pool.query(
    `WITH e AS (
       INSERT INTO encounters (patient_id, physician_id, type, status, chief_complaint, started_at, ended_at)
       SELECT $1, $2, 'general', 'closed', 'Follow-up ' || i, now() - (i * interval '71 hours'), now() - (i * interval '71 hours') + interval '20 minutes'
         FROM generate_series($3::int + 1, $4::int) i
       RETURNING id)
     INSERT INTO encounter_diagnoses (encounter_id, code, title, rank)
     SELECT e.id, c.code, c.title, 'primary' FROM e CROSS JOIN LATERAL (SELECT code, title FROM icd10_codes WHERE e.id IS NOT NULL ORDER BY random() LIMIT 1) c`,
    [patientId, physician.id, n, ENCOUNTERS],
  );
  await pool.query(`ANALYZE encounters; ANALYZE encounter_diagnoses`);
}

export async function benchChart(ctx: ChartBenchContext): Promise<string> {
  const { pool, host, client } = ctx;
  const patientId = await benchPatient(pool);
  await loadEncounters(pool, patientId);
  const get = async (cursor: string | null) => {
    const res = await client.get(`/api/patients/${patientId}/chart?limit=${PAGE}${cursor ? `&before=${cursor}` : ''}`);
    if (res.status !== 200) throw new Error(`chart answered ${res.status}: ${res.text}`);
    return res.body as { nextCursor: string | null };
  };
  // The first pages and some deep in the history: keyset paging costs the same at any depth.
  const cursors: (string | null)[] = [null];
  for (let page = await get(null); page.nextCursor && cursors.length < ENCOUNTERS / PAGE; page = await get(page.nextCursor)) cursors.push(page.nextCursor);
  const measured = [...cursors.slice(0, PAGES_MEASURED / 2), ...cursors.slice(-PAGES_MEASURED / 2)];

  const query: Query = async (sql, params) => (await pool.query(sql, params)).rows;
  const { access } = host.services;
  const can = (resource: string) => access.can(['physician'], 'read', resource).granted;
  const direct = async (cursor: string | null) => {
    await query(`SELECT 1 FROM patients WHERE id = $1`, [patientId]);
    await loadChart(query, {
      patientId,
      before: cursor ? decodeCursor(cursor) : null,
      limit: PAGE,
      include: { patient: can('patients'), diagnoses: can('encounter-diagnoses'), visits: can('visits'), allergies: can('patient-allergies') },
    });
    await query(`INSERT INTO audit_logs (user_id, user_email, roles, action, resource, record_id) VALUES (NULL, 'bench', '{}', 'read-chart', 'patients', $1)`, [patientId]);
  };
  const m = await ctx.compare('patient chart', (i) => get(measured[i % measured.length]), (i) => direct(measured[i % measured.length]), ctx.iterations ?? 200);
  client.close();
  return ctx.format(m);
}
