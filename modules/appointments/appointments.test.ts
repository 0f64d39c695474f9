import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Api, type TestServer } from '../../tests/support/harness.js';
import { createClinic, createPatient, dayFromToday, type ClinicFixture } from './testing.js';

let server: TestServer;
let admin: Api;
let clerk: Api;
let fx: ClinicFixture;
const next = dayFromToday(7);
const at = (time: string, date = next.date) => `${date}T${time}:00Z`;

beforeAll(async () => {
  server = await startServer({ only: ['appointments'] });
  admin = await server.login('admin@healthcare.com');
  clerk = await server.login('registration@healthcare.com');
  fx = await createClinic(server, admin, { session: ['08:00', '12:00'] });
});
afterAll(() => server?.close());

const book = async (time: string, over: Record<string, unknown> = {}) => {
  const patient = await createPatient(clerk);
  return clerk.post('/api/appointments', { patientId: patient.id, clinicId: fx.clinic.id, providerId: fx.physician.id, startAt: at(time), reason: 'Cough', ...over });
};

describe('booking', () => {
  it('a clerk books a free slot: the appointment is saved as booked, one slot long, with its audit row', async () => {
    const res = await book('08:30');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'booked', clinicId: fx.clinic.id });
    expect(new Date(res.body.endAt).toISOString()).toBe(new Date(at('08:45')).toISOString());
    const audit = await server.host.db.sequelize.query(`SELECT action FROM audit_logs WHERE resource = 'appointments' AND record_id = :id`, { type: QueryTypes.SELECT, replacements: { id: res.body.id } });
    expect(audit).toEqual([{ action: 'create' }]);
  });

  it('a double-booked provider slot is a 409 that says the provider is booked', async () => {
    const first = await book('09:00');
    expect(first.status).toBe(201);
    const second = await book('09:00');
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch(/already booked from 09:00 to 09:15/);
    expect(second.body.reason).toBe('double-booked');
    expect(second.body.errors.startAt).toBeTruthy();
  });

  it('concurrent bookings of one slot: exactly one wins, the others get 409', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => book('09:30')));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const [row] = await server.host.db.sequelize.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM appointments WHERE provider_id = :p AND start_at = :s AND status = 'booked'`,
      { type: QueryTypes.SELECT, replacements: { p: fx.physician.id, s: at('09:30') } },
    );
    expect(row.n).toBe(1);
  });

  it('the database itself refuses a second live booking of a slot', async () => {
    const ok = await book('10:00');
    const p = await createPatient(clerk);
    await expect(
      server.host.db.sequelize.query(
        `INSERT INTO appointments (patient_id, clinic_id, provider_id, start_at, end_at) VALUES (:p, :c, :d, :s, :e)`,
        { replacements: { p: p.id, c: fx.clinic.id, d: fx.physician.id, s: ok.body.startAt, e: ok.body.endAt } },
      ),
    ).rejects.toMatchObject({ name: 'SequelizeUniqueConstraintError', parent: { constraint: 'appointments_provider_slot' } });
  });

  it('a slot outside the schedule is a 409 naming the sessions', async () => {
    const early = await book('07:00');
    expect(early.status).toBe(409);
    expect(early.body.reason).toBe('outside-schedule');
    expect(early.body.message).toContain('08:00-12:00');
    const late = await book('11:50');
    expect(late.status).toBe(409);
    const offGrid = await book('10:07');
    expect(offGrid.status).toBe(409);
    expect(offGrid.body.message).toMatch(/every 15 minutes from 08:00/);
  });

  it('bad input is a 400 with per-field errors and saves nothing', async () => {
    const res = await clerk.post('/api/appointments', { patientId: 'x', startAt: 'tomorrow' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(expect.arrayContaining(['patientId', 'clinicId', 'providerId', 'startAt']));
    const past = await book('09:00', { startAt: at('09:00', dayFromToday(-2).date) });
    expect(past.status).toBe(400);
    expect(past.body.errors.startAt).toMatch(/future/);
  });

  it('free slots list each provider\'s open slots; a booking takes one, a cancellation gives it back', async () => {
    const slots = async () => {
      const res = await clerk.get(`/api/clinics/${fx.clinic.id}/free-slots?date=${next.date}`);
      expect(res.status).toBe(200);
      const mine = res.body.providers.find((p: any) => p.providerId === fx.physician.id);
      return mine.slots.map((s: any) => new Date(s.startAt).toISOString().slice(11, 16)) as string[];
    };
    const before = await slots();
    expect(before[0]).toBe('08:00');
    expect(before).not.toContain('09:00');
    const b = await book('11:45');
    expect(await slots()).not.toContain('11:45');
    const cancelled = await clerk.post(`/api/appointments/${b.body.id}/cancel`, { reason: 'Patient travelling' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(await slots()).toContain('11:45');
    expect((await clerk.get(`/api/clinics/${fx.clinic.id}/free-slots?date=someday`)).status).toBe(400);
  });

  it('an appointment still to come cannot be marked no-show', async () => {
    const b = await book('11:15');
    const res = await clerk.post(`/api/appointments/${b.body.id}/no-show`, {});
    expect(res.status).toBe(409);
    expect((await clerk.get(`/api/appointments/${b.body.id}`)).body.status).toBe('booked');
  });

  it('a cancelled appointment cannot be cancelled again or marked no-show', async () => {
    const b = await book('10:30');
    await clerk.post(`/api/appointments/${b.body.id}/cancel`, { reason: 'Duplicate' });
    expect((await clerk.post(`/api/appointments/${b.body.id}/cancel`, { reason: 'Again' })).status).toBe(409);
    expect((await clerk.post(`/api/appointments/${b.body.id}/no-show`, {})).status).toBe(409);
  });
});

describe('schedules and clinics', () => {
  it('a session for a user who is not a physician is a field error', async () => {
    const cashier = await admin.list('users', { filter: { q: 'cashier@healthcare.com' } });
    const res = await admin.post('/api/provider-schedules', { clinicId: fx.clinic.id, providerId: cashier.body[0].id, weekday: 1, startTime: '08:00', endTime: '10:00', slotMinutes: 15 });
    expect(res.status).toBe(400);
    expect(res.body.errors.providerId).toMatch(/physician/);
  });

  it('an overlapping session of the same physician is a 409', async () => {
    const res = await admin.post('/api/provider-schedules', { clinicId: fx.clinic.id, providerId: fx.physician.id, weekday: 2, startTime: '11:00', endTime: '13:00', slotMinutes: 15 });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/already has a session/);
  });

  it('the base seed created the general outpatient, dental and MCH clinics with their token letters', async () => {
    const res = await clerk.list('clinics', { filter: { code: ['GOPD', 'DENT', 'MCH'] } });
    expect(Object.fromEntries(res.body.map((c: any) => [c.code, c.tokenPrefix]))).toEqual({ GOPD: 'A', DENT: 'D', MCH: 'M' });
  });

  it('only medical administration sets up clinics; a physician reads appointments but cannot book', async () => {
    expect((await clerk.post('/api/clinics', { code: 'X1', name: 'X', tokenPrefix: 'X' })).status).toBe(403);
    expect((await fx.physician.api.list('appointments')).status).toBe(200);
    expect((await fx.physician.api.post('/api/appointments', {})).status).toBe(403);
    const cashier = await server.login('cashier@healthcare.com');
    expect((await cashier.list('appointments')).status).toBe(403);
  });
});

describe('reminders the day before', () => {
  const reminderRows = () =>
    server.host.db.sequelize.query<any>(
      `SELECT appointment_id AS "appointmentId", recipient, subject, body, r.status FROM appointment_reminders r JOIN appointments a ON a.id = r.appointment_id WHERE a.clinic_id = :c`,
      { type: QueryTypes.SELECT, replacements: { c: fx.clinic.id } },
    );
  const bookTomorrow = async (time: string, email?: string) => {
    const p = await createPatient(clerk, email ? { email } : {});
    const res = await clerk.post('/api/appointments', { patientId: p.id, clinicId: fx.clinic.id, providerId: fx.physician.id, startAt: at(time, dayFromToday(1).date) });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('tomorrow\'s booked appointments get one reminder each, sent through the notifications outbox', async () => {
    const booked = await bookTomorrow('08:15', 'zawadi@example.org');
    await bookTomorrow('08:30');
    const inAWeek = await book('11:30');

    await server.host.services.jobs.runNow('appointments.send-reminders');
    const rows = await reminderRows();
    const mine = rows.find((r) => r.appointmentId === booked.id);
    expect(mine).toMatchObject({ recipient: 'zawadi@example.org', status: 'sent' });
    expect(mine.body).toContain(fx.clinic.name);
    expect(mine.body).toContain('08:15');
    expect(rows.find((r) => r.recipient === null)?.status).toBe('skipped');
    expect(rows.some((r) => r.appointmentId === inAWeek.body.id)).toBe(false);
    const outbox = await server.host.db.sequelize.query<any>(`SELECT subject, body FROM notifications WHERE email = 'zawadi@example.org' AND record_id = :id`, {
      type: QueryTypes.SELECT,
      replacements: { id: booked.id },
    });
    expect(outbox).toEqual([expect.objectContaining({ subject: `Reminder: your appointment at ${fx.clinic.name} tomorrow` })]);

    const again = (await server.host.services.jobs.runNow('appointments.send-reminders')) as { due: number };
    const count = await server.host.db.sequelize.query(`SELECT 1 FROM appointment_reminders WHERE appointment_id = :id`, { type: QueryTypes.SELECT, replacements: { id: booked.id } });
    expect(count).toHaveLength(1);
    expect(again.due).toBe(0);
  });

  it('without a notifications service the reminder is recorded, not lost', async () => {
    const provided = server.host.services.provided;
    const notifications = provided.get('notifications');
    provided.delete('notifications');
    try {
      const booked = await bookTomorrow('09:45', 'amani@example.org');
      await server.host.services.jobs.runNow('appointments.send-reminders');
      const mine = (await reminderRows()).find((r) => r.appointmentId === booked.id);
      expect(mine).toMatchObject({ recipient: 'amani@example.org', status: 'recorded', subject: expect.stringContaining(fx.clinic.name) });
    } finally {
      if (notifications) provided.set('notifications', notifications);
    }
  });
});
