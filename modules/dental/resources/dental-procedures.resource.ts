import type { ModuleContext } from '../../../server/host/types.js';
import type { HandlerContext, ResourceDefinition, Row } from '../../../server/http/resource.js';
import { Conflict, Invalid } from '../../../server/http/errors.js';
import { procedureByCode } from '../procedure-codes.js';
import { completeProcedureSchema, createProcedureSchema, procedureProblems, updateProcedureSchema } from '../validation.js';

export function dentalProceduresResource({ models }: ModuleContext): ResourceDefinition {
  const { DentalProcedure, Encounter, Patient } = models;

  const check = (p: Row) => {
    const errors = procedureProblems(p as { procedureCode: string });
    if (Object.keys(errors).length) throw new Invalid('This procedure does not fit the tooth or surfaces given', errors);
  };
  /** The encounter a procedure is done in: it must exist and be this patient's. */
  const encounterOf = async (encounterId: string, patientId: string) => {
    const encounter = (await Encounter.findByPk(encounterId, { raw: true })) as Row | null;
    if (!encounter) throw new Invalid('No such encounter', { encounterId: 'no encounter with this id' });
    if (encounter.patientId !== patientId) throw new Invalid('The encounter is another patient’s', { encounterId: 'belongs to another patient' });
    return encounter;
  };
  /** A done procedure is billed: billing listens for charge.created (docs/MODULES.md "Charges"). */
  const charge = (ctx: HandlerContext, p: Row, encounter: Row) =>
    ctx.services.events.emit(
      'charge.created',
      {
        patientId: p.patientId,
        visitId: encounter.visitId ?? null,
        encounterId: encounter.id,
        department: 'Dental',
        priceCode: p.priceCode,
        description: `${p.description}${p.tooth ? `, tooth ${p.tooth}` : ''}${p.surfaces?.length ? ` (${p.surfaces.join('')})` : ''}`,
        quantity: 1,
        sourceResource: 'dental-procedures',
        sourceId: p.id,
      },
      ctx,
    );

  return {
    name: 'dental-procedures',
    label: 'Dental procedures',
    description: 'Planned and done procedures per tooth and surface; a done procedure is charged',
    model: DentalProcedure,
    createSchema: createProcedureSchema,
    updateSchema: updateProcedureSchema,
    sortable: ['createdAt', 'performedAt', 'tooth', 'status'],
    defaultSort: ['createdAt', 'DESC'],
    filters: { patientId: 'eq', encounterId: 'eq', status: 'eq', tooth: 'eq', procedureCode: 'eq', performedAt: 'range' },
    operations: { delete: false },

    async beforeCreate(ctx, data) {
      check(data);
      if (!(await Patient.findByPk(data.patientId, { attributes: ['id'] }))) throw new Invalid('No such patient', { patientId: 'no patient with this id' });
      if (data.encounterId) await encounterOf(data.encounterId, data.patientId);
      if (data.status === 'done' && !data.encounterId) throw new Invalid('A procedure done now belongs to an encounter', { encounterId: 'required when the procedure is done' });
      const code = procedureByCode(data.procedureCode)!;
      const done = data.status === 'done';
      return {
        ...data,
        surfaces: data.surfaces ?? [],
        description: code.label,
        priceCode: code.priceCode,
        status: done ? 'done' : 'planned',
        performedAt: done ? new Date() : null,
        performedBy: done ? ctx.user.id : null,
      };
    },

    async afterCreate(ctx, record) {
      const p = record.get({ plain: true }) as Row;
      if (p.status === 'done') await charge(ctx, p, await encounterOf(p.encounterId, p.patientId));
    },

    beforeUpdate(_ctx, record, data) {
      if (record.get('status') !== 'planned') throw new Conflict(`This procedure is ${record.get('status')}; only a planned procedure can be changed`);
      const merged = { ...(record.get({ plain: true }) as Row), ...data };
      check(merged);
      if (data.procedureCode) {
        const code = procedureByCode(data.procedureCode)!;
        return { ...data, description: code.label, priceCode: code.priceCode };
      }
    },

    actions: [
      {
        name: 'complete',
        summary: 'Record a planned procedure as done (in an encounter); it is then charged',
        schema: completeProcedureSchema,
        async handler(ctx, { record, body }) {
          const p = record!.get({ plain: true }) as Row;
          if (p.status !== 'planned') throw new Conflict(`This procedure is already ${p.status}`);
          const encounterId = body.encounterId ?? p.encounterId;
          if (!encounterId) throw new Invalid('Say in which encounter the procedure was done', { encounterId: 'required' });
          const encounter = await encounterOf(encounterId, p.patientId);
          record!.set({ status: 'done', encounterId, performedAt: new Date(), performedBy: ctx.user.id, updatedBy: ctx.user.id });
          await record!.save();
          await charge(ctx, record!.get({ plain: true }) as Row, encounter);
          return record;
        },
      },
      {
        name: 'cancel',
        summary: 'Drop a planned procedure from the treatment plan',
        async handler(ctx, { record }) {
          const status = record!.get('status');
          if (status !== 'planned') throw new Conflict(`This procedure is ${status}; only a planned procedure can be cancelled`);
          record!.set({ status: 'cancelled', updatedBy: ctx.user.id });
          await record!.save();
          return record;
        },
      },
    ],
  };
}
