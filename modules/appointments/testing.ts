/**
 * Fixtures for the tests of appointments, visits and triage: a fresh clinic (UTC, so local
 * times in assertions are plain), a physician of its own with a session every day, patients.
 */
import { unique, type Api, type TestServer } from '../../tests/support/harness.js';

export interface ClinicFixture {
  clinic: { id: string; code: string; tokenPrefix: string; name: string };
  physician: { id: string; email: string; api: Api };
}

/** A date N days from today (UTC) as YYYY-MM-DD, and its ISO weekday. */
export function dayFromToday(n: number) {
  const d = new Date(Date.now() + n * 86_400_000);
  return { date: d.toISOString().slice(0, 10), weekday: ((d.getUTCDay() + 6) % 7) + 1 };
}

export async function createClinic(server: TestServer, admin: Api, opts: { tokenPrefix?: string; session?: [string, string] } = {}): Promise<ClinicFixture> {
  const code = `T${unique()}`.toUpperCase().slice(0, 16);
  const clinic = await admin.post('/api/clinics', { code, name: `Test clinic ${code}`, tokenPrefix: opts.tokenPrefix ?? 'T', timeZone: 'UTC', openDays: [1, 2, 3, 4, 5, 6, 7] });
  if (clinic.status !== 201) throw new Error(`clinic: ${clinic.status} ${clinic.text}`);
  const email = `doc${unique()}@healthcare.com`.toLowerCase();
  const user = await admin.post('/api/users', { email, name: `Dr ${code}`, roles: ['physician'], password: 'password123' });
  if (user.status !== 201) throw new Error(`user: ${user.status} ${user.text}`);
  const [startTime, endTime] = opts.session ?? ['00:00', '23:45'];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const s = await admin.post('/api/provider-schedules', { clinicId: clinic.body.id, providerId: user.body.id, weekday, startTime, endTime, slotMinutes: 15 });
    if (s.status !== 201) throw new Error(`schedule: ${s.status} ${s.text}`);
  }
  return { clinic: clinic.body, physician: { id: user.body.id, email, api: await server.login(email) } };
}

export async function createPatient(clerk: Api, over: Record<string, unknown> = {}) {
  const res = await clerk.post('/api/patients', { givenName: 'Zawadi', familyName: `Queue${unique()}`, sex: 'female', birthDate: '1988-06-01', ...over });
  if (res.status !== 201) throw new Error(`patient: ${res.status} ${res.text}`);
  return res.body as { id: string; givenName: string; familyName: string; mrn: string };
}
