/**
 * `npm run bench [-- --patients 100000]`: loads N patients into a bench database on real
 * PostgreSQL, then measures patient search by name fragment, by MRN and by phone through the
 * HTTP API against the same queries run directly with `pg`, in one run. Prints one line per
 * measure with the ratio; the target is an API within 2x of the direct query at p50.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { loadConfig } from '../../config/index.js';
import { createHost, type Host } from '../../server/host/host.js';
import { demoPatients } from '../../modules/patients/seeds/generator.js';
import { ensurePostgres } from '../../scripts/services.js';
import { BenchClient } from './client.js';
import { compare, format, progress, type Measure } from './measure.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('patients', 100_000);
// 500 interleaved pairs per measure: a p50 that moves by a few per cent between runs, not ten.
const ITER = arg('iterations', 500);

const baseUrl = await ensurePostgres();
const dbName = `his_bench_${N}`;
{
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  const { rowCount } = await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [dbName]);
  if (!rowCount) await c.query(`CREATE DATABASE ${dbName}`);
  await c.end();
}
const url = new URL(baseUrl);
url.pathname = `/${dbName}`;
const config = loadConfig({ DATABASE_URL: url.toString(), LOG_LEVEL: 'silent', NODE_ENV: 'development', RATE_LIMIT_PER_MINUTE: '10000000', LOGIN_RATE_LIMIT_PER_MINUTE: '10000' }, { dotenv: false });
console.log(`Benchmark database ${dbName}: migrating ...`);
const host: Host = await createHost({ config, migrate: true, seed: 'demo', only: ['patients', ...(fs.existsSync(path.join(config.rootDir, 'modules/clinical')) ? ['clinical'] : [])] });
const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });

const { rows: [{ n }] } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM patients`);
if (Number(n) < N) {
  const todo = N - Number(n);
  console.log(`Loading ${todo} patients ...`);
  const bar = progress('patients');
  const batch: unknown[][] = [];
  let done = 0;
  const flush = async () => {
    if (!batch.length) return;
    const cols = ['id', 'given_name', 'middle_name', 'family_name', 'sex', 'birth_date', 'national_id', 'phone', 'address', 'city', 'next_of_kin_name', 'next_of_kin_phone', 'next_of_kin_relationship', 'blood_group', 'created_at', 'updated_at'];
    const values: unknown[] = [];
    const tuples = batch.map((row, r) => `(${row.map((_, c) => `$${r * cols.length + c + 1}`).join(',')})`);
    for (const row of batch) values.push(...row);
    await pool.query(`INSERT INTO patients (${cols.join(',')}) VALUES ${tuples.join(',')} ON CONFLICT DO NOTHING`, values);
    done += batch.length;
    batch.length = 0;
    bar(done, todo);
  };
  for (const p of demoPatients(todo, Number(n) + 1000)) {
    batch.push([crypto.randomUUID(), p.givenName, p.middleName, p.familyName, p.sex, p.birthDate, p.nationalId ? `${p.nationalId}B${done + batch.length}` : null, p.phone, p.address, p.city, p.nextOfKinName, p.nextOfKinPhone, p.nextOfKinRelationship, p.bloodGroup, p.createdAt, p.createdAt]);
    if (batch.length === 500) await flush();
  }
  await flush();
  await pool.query('ANALYZE patients');
}

const server = await new Promise<import('node:http').Server>((r) => {
  const s = host.app.listen(0, '127.0.0.1', () => r(s));
});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const anonymous = new BenchClient(base);
const api = await anonymous.signIn('registration@healthcare.com', 'password123');

const sample = async (sql: string) => (await pool.query(sql)).rows.map((r) => Object.values(r)[0] as string);
const fragments = ['okaf', 'mens', 'dial', 'mwan', 'abub', 'kamau', 'osei', 'ndlo', 'grace ok', 'john m', 'traor', 'achie'];
const mrns = await sample(`SELECT mrn FROM patients ORDER BY random() LIMIT 50`);
const phones = (await sample(`SELECT phone FROM patients ORDER BY random() LIMIT 50`)).map((p) => p.slice(-7));

const COLUMNS = `id, mrn, given_name AS "givenName", middle_name AS "middleName", family_name AS "familyName", sex, birth_date AS "birthDate",
  birth_date_estimated AS "birthDateEstimated", national_id AS "nationalId", phone, email, address, city, next_of_kin_name AS "nextOfKinName",
  next_of_kin_phone AS "nextOfKinPhone", next_of_kin_relationship AS "nextOfKinRelationship", blood_group AS "bloodGroup", status,
  deceased_on AS "deceasedOn", merged_into AS "mergedInto", created_by AS "createdBy", updated_by AS "updatedBy", version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The query the API runs for a search page: 25 rows ranked (exact MRN first) and the total. */
const direct = (q: string) => {
  const like = `%${q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
  return Promise.all([
    pool.query(`SELECT ${COLUMNS} FROM patients WHERE search_text LIKE $1 ORDER BY lower(mrn) = $2 DESC, (created_at::text || '') DESC, id ASC LIMIT 25`, [like, q.toLowerCase()]),
    pool.query(`SELECT count(*) FROM patients WHERE search_text LIKE $1`, [like]),
  ]);
};
const viaApi = async (q: string) => {
  const res = await api.list('patients', { filter: { q }, range: [0, 24], sort: ['createdAt', 'DESC'] });
  if (res.status !== 200) throw new Error(`API answered ${res.status}: ${res.text}`);
};

const results: Measure[] = [];
for (const [label, values] of [
  ['search by name', fragments],
  ['search by MRN', mrns],
  ['search by phone', phones],
] as const) {
  results.push(await compare(label, (i) => viaApi(values[i % values.length]), (i) => direct(values[i % values.length]), ITER));
  console.log(format(results.at(-1)!));
}
{
  const ids = await sample(`SELECT id FROM patients ORDER BY random() LIMIT 50`);
  const m = await compare(
    'get by id',
    async (i) => {
      const res = await api.get(`/api/patients/${ids[i % ids.length]}`);
      if (res.status !== 200) throw new Error(String(res.status));
    },
    // The same work the API does: the record, then its allergies and insurance while the
    // read-access audit row is written.
    async (i) => {
      const id = ids[i % ids.length];
      await pool.query(`SELECT ${COLUMNS} FROM patients WHERE id = $1`, [id]);
      await Promise.all([
        pool.query(`INSERT INTO audit_logs (user_id, user_email, roles, action, resource, record_id) VALUES (NULL, 'bench', '{}', 'read', 'patients', $1)`, [id]),
        pool.query(`SELECT * FROM patient_allergies WHERE patient_id = $1 AND status = 'active' ORDER BY severity DESC`, [id]),
        pool.query(`SELECT * FROM patient_insurances WHERE patient_id = $1 ORDER BY valid_from DESC`, [id]),
      ]);
    },
    ITER,
  );
  results.push(m);
  console.log(format(m));
}

const chartBench = path.join(config.rootDir, 'tests/bench/chart.bench.ts');
if (fs.existsSync(chartBench)) {
  const mod = await import(pathToFileURL(chartBench).href);
  if (typeof mod.benchChart === 'function') {
    const line = await mod.benchChart({ host, pool, client: await anonymous.signIn('physician@healthcare.com', 'password123'), compare, format, iterations: ITER });
    if (line) console.log(typeof line === 'string' ? line : format(line));
  }
}

{
  // What every API request costs before any query of its own (HTTP, security headers, rate
  // limit, token, routing, JSON): the floor under each ratio above.
  const m = await compare('fixed cost (signed-in GET /api/kpis, no query)', () => api.get('/api/kpis'), () => pool.query('SELECT 1'), ITER);
  console.log(`\n${format(m).replace(/, ratio [\d.]+/, '')} (direct: SELECT 1)`);
}

const plan = await pool.query(`EXPLAIN (ANALYZE, FORMAT TEXT) SELECT id FROM patients WHERE search_text LIKE '%okaf%' ORDER BY lower(mrn) = 'okaf' DESC, (created_at::text || '') DESC, id LIMIT 25`);
console.log(`\nPlan of the name search (${N} patients):\n  ${plan.rows.map((r) => r['QUERY PLAN']).join('\n  ')}`);
const worst = Math.max(...results.map((r) => r.ratio));
console.log(`\nWorst ratio ${worst.toFixed(2)} (target: API within 2x of the direct query at p50)`);

api.close();
anonymous.close();
await new Promise((r) => server.close(r));
await pool.end();
await host.close();
