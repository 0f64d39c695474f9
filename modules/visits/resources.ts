import type { Model } from 'sequelize';
import { z } from 'zod';
import type { ModuleContext } from '../../server/host/types.js';
import type { ActionDefinition, HandlerContext, ResourceDefinition } from '../../server/http/resource.js';
import { Forbidden, Invalid } from '../../server/http/errors.js';
import type { AppointmentsService } from '../appointments/service.js';
import { prepareCheckIn } from './check-in.js';
import { assertTransition, staffQueue, TRANSITIONS, type QueueAction } from './queue.js';
import { checkInSchema, leftSchema, queueQuerySchema } from './validation.js';

/**
 * Physicians work the queues of the clinics where they hold a session; a role that is granted
 * the same action without that tie (medical_admin) works every queue.
 */
const CLINIC_BOUND_ROLES = ['physician'];

export function visitResources({ models, sequelize, services }: ModuleContext): ResourceDefinition[] {
  const { Visit } = models;
  const appointments = () => services.get<AppointmentsService>('appointments');

  async function assertWorksInClinic(ctx: HandlerContext, action: string, clinicId: string) {
    const unbound = ctx.user.roles.some((r) => !CLINIC_BOUND_ROLES.includes(r) && services.access.can([r], action, 'visits').granted);
    if (unbound) return;
    if (!(await appointments().clinicsOf(ctx.user.id)).includes(clinicId)) {
      throw new Forbidden('You hold no session in this clinic, so its queue is not yours to work');
    }
  }

  const move = (action: QueueAction, summary: string, after?: (ctx: HandlerContext, visit: Model) => Promise<void>): ActionDefinition => ({
    name: action,
    summary,
    schema: action === 'left' ? leftSchema : z.object({}),
    async handler(ctx, { record, body }) {
      const visit = record!;
      if (action !== 'left') await assertWorksInClinic(ctx, action, visit.get('clinicId') as string);
      assertTransition(action, visit.get('queueStatus') as string, visit.get('token') as string);
      const t = TRANSITIONS[action];
      await visit.update({
        queueStatus: t.to,
        [t.stamp]: new Date(),
        updatedBy: ctx.user.id,
        ...(action === 'call' ? { calledBy: ctx.user.id } : {}),
        ...(action === 'start' ? { providerId: ctx.user.id } : {}),
        ...(action === 'left' && body.reason ? { notes: [visit.get('notes'), `Left: ${body.reason}`].filter(Boolean).join('\n') } : {}),
      });
      await after?.(ctx, visit);
      return visit;
    },
  });

  async function chargeConsultation(ctx: HandlerContext, visit: Model) {
    const clinic = (await appointments().clinic(visit.get('clinicId') as string))!;
    // Billing prices it from its tariff; producers only say what happened (docs/MODULES.md).
    await services.events.emit(
      'charge.created',
      {
        patientId: visit.get('patientId'),
        visitId: visit.get('id'),
        department: clinic.department,
        priceCode: `CONSULT-${clinic.code}`,
        description: `Consultation, ${clinic.name}`,
        quantity: 1,
        sourceResource: 'visits',
        sourceId: visit.get('id'),
      },
      ctx,
    );
    if (visit.get('appointmentId')) await appointments().complete(ctx, visit.get('appointmentId') as string);
  }

  const visits: ResourceDefinition = {
    name: 'visits',
    label: 'Visits',
    model: Visit,
    createSchema: checkInSchema as unknown as z.ZodObject<any>,
    // Visits change only through the queue actions.
    updateSchema: z.object({}),
    operations: { update: false, delete: false },
    sortable: ['id', 'arrivedAt', 'priorityRank', 'token', 'queueDate', 'queueStatus', 'createdAt'],
    defaultSort: ['arrivedAt', 'DESC'],
    filters: { clinicId: 'eq', patientId: 'eq', queueDate: 'range', queueStatus: 'eq', priority: 'eq', appointmentId: 'eq', providerId: 'eq', arrivedAt: 'range' },
    search: (q) => ({ token: q.toUpperCase() }),
    // Sorting on priority means the queue order: arrival breaks ties.
    orderBy: (field, dir) => (field === 'priorityRank' ? [['priorityRank', dir], ['arrivedAt', 'ASC'], ['id', 'ASC']] : [[field, dir], ['id', 'ASC']]),
    async beforeCreate(ctx, data) {
      return prepareCheckIn(sequelize, appointments(), ctx, data as any);
    },
    actions: [
      {
        name: 'queue',
        access: 'read',
        collection: true,
        method: 'get',
        audited: false,
        summary: 'A clinic\'s queue for a day (?clinicId=&date=, default today): called and in consultation, then waiting by priority and arrival',
        async handler(_ctx, { query }) {
          const q = queueQuerySchema.parse(query);
          const clinic = await appointments().clinic(q.clinicId);
          if (!clinic) throw new Invalid('Unknown clinic', { clinicId: 'no such clinic' });
          const date = q.date ?? clinic.today;
          return { clinic, date, visits: await staffQueue(sequelize, clinic.id, date) };
        },
      },
      move('call', 'Call the patient with this token (shown on the waiting-room display)'),
      move('start', 'Start the consultation'),
      move('complete', 'Finish the visit; the consultation is charged', chargeConsultation),
      move('left', 'The patient left without being seen'),
    ],
  };
  return [visits];
}
