import { Op, QueryTypes } from 'sequelize';
import { z } from 'zod';
import type { ModuleContext } from '../../server/host/types.js';
import type { ResourceDefinition, Row } from '../../server/http/resource.js';
import { Conflict } from '../../server/http/errors.js';
import { checkBookable, freeSlots } from './booking.js';
import { checkSession } from './schedules.js';
import {
  bookAppointmentSchema,
  createClinicSchema,
  createScheduleSchema,
  isoDate,
  updateAppointmentSchema,
  updateClinicSchema,
  updateScheduleSchema,
} from './validation.js';
import { contains } from '../../server/http/query.js';

/** HH:MM:SS from PostgreSQL shown as HH:MM. */
const hhmm = (row: Row, ...fields: string[]) => {
  for (const f of fields) if (typeof row[f] === 'string') row[f] = row[f].slice(0, 5);
  return row;
};

export function appointmentResources({ models, sequelize }: ModuleContext): ResourceDefinition[] {
  const { Clinic, ProviderSchedule, Appointment } = models;

  const clinics: ResourceDefinition = {
    name: 'clinics',
    label: 'Clinics',
    model: Clinic,
    createSchema: createClinicSchema as unknown as z.ZodObject<any>,
    updateSchema: updateClinicSchema as unknown as z.ZodObject<any>,
    sortable: ['id', 'code', 'name', 'department', 'createdAt'],
    defaultSort: ['code', 'ASC'],
    filters: { code: 'eq', department: 'eq', active: 'eq' },
    search: (q) => ({ [Op.or]: [{ code: contains(q) }, { name: contains(q) }] }),
    // Clinics have bookings and visits; a closed clinic is deactivated instead.
    operations: { delete: false },
    serialize: (row) => ({ ...hhmm(row, 'opensAt', 'closesAt'), displayUrl: row.code ? `/display/${row.code}` : undefined }),
    async beforeCreate(_ctx, data) {
      if (await Clinic.findOne({ where: { code: data.code } })) throw new Conflict(`A clinic with code ${data.code} exists`, {}, { code: 'is already used' });
    },
    actions: [
      {
        name: 'free-slots',
        access: 'read',
        method: 'get',
        audited: false,
        summary: 'Free appointment slots per provider on a date (?date=YYYY-MM-DD, the clinic\'s local date)',
        async handler(_ctx, { record, query }) {
          const date = z.object({ date: isoDate }).parse(query).date;
          return { clinicId: record!.get('id'), date, providers: await freeSlots(sequelize, String(record!.get('id')), date) };
        },
      },
    ],
  };

  const schedules: ResourceDefinition = {
    name: 'provider-schedules',
    label: 'Provider schedules',
    model: ProviderSchedule,
    createSchema: createScheduleSchema as unknown as z.ZodObject<any>,
    updateSchema: updateScheduleSchema as unknown as z.ZodObject<any>,
    sortable: ['id', 'weekday', 'startTime', 'createdAt'],
    defaultSort: ['weekday', 'ASC'],
    filters: { clinicId: 'eq', providerId: 'eq', weekday: 'eq', active: 'eq' },
    serialize: (row) => hhmm(row, 'startTime', 'endTime'),
    async beforeCreate(_ctx, data) {
      await checkSession(sequelize, data as any);
    },
    actions: [
      {
        name: 'physicians',
        access: 'read',
        collection: true,
        method: 'get',
        audited: false,
        summary: 'Active physicians who may hold sessions (id and name), for choosing a provider',
        async handler() {
          return sequelize.query(`SELECT id, name FROM users WHERE active AND 'physician' = ANY(roles) ORDER BY name`, { type: QueryTypes.SELECT });
        },
      },
    ],
    async beforeUpdate(_ctx, record, data) {
      const merged = { ...hhmm(record.get({ plain: true }), 'startTime', 'endTime'), ...data };
      if (merged.endTime <= merged.startTime) throw new Conflict('The session must end after it starts', {}, { endTime: 'must be after the start' });
      if (merged.active) await checkSession(sequelize, merged as any);
    },
  };

  const setStatus = (to: string, from: string[], extra: (body: Row) => Row = () => ({})) =>
    async (ctx: { user: { id: string } }, { record, body }: { record?: any; body: Row }) => {
      const status = record.get('status');
      if (!from.includes(status)) throw new Conflict(`A ${status} appointment cannot become ${to}`, { status });
      await record.update({ status: to, updatedBy: ctx.user.id, ...extra(body) });
      return record;
    };

  const appointments: ResourceDefinition = {
    name: 'appointments',
    label: 'Appointments',
    model: Appointment,
    createSchema: bookAppointmentSchema,
    updateSchema: updateAppointmentSchema,
    sortable: ['id', 'startAt', 'status', 'createdAt'],
    defaultSort: ['startAt', 'ASC'],
    filters: { patientId: 'eq', clinicId: 'eq', providerId: 'eq', status: 'eq', startAt: 'range' },
    operations: { delete: false },
    async beforeCreate(_ctx, data) {
      const { endAt } = await checkBookable(sequelize, data as any);
      return { ...data, endAt, status: 'booked' };
    },
    actions: [
      {
        name: 'cancel',
        summary: 'Cancel a booking; the slot becomes free',
        schema: z.object({ reason: z.string().trim().min(1, 'say why').max(500) }),
        handler: setStatus('cancelled', ['booked'], (b) => ({ cancelReason: b.reason })),
      },
      {
        name: 'no-show',
        summary: 'The patient did not come (only once the appointment time has passed)',
        schema: z.object({}),
        async handler(ctx, input) {
          if (input.record && (input.record.get('startAt') as Date).getTime() > Date.now()) {
            throw new Conflict('An appointment still to come cannot be a no-show', { status: input.record.get('status') });
          }
          return setStatus('no-show', ['booked'])(ctx, input);
        },
      },
    ],
  };
  return [clinics, schedules, appointments];
}
