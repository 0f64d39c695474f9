import { QueryTypes, type Model } from 'sequelize';
import { z } from 'zod';
import type { ModuleContext } from '../../server/host/types.js';
import type { HandlerContext, ResourceDefinition, Row } from '../../server/http/resource.js';
import { Conflict, Invalid } from '../../server/http/errors.js';
import type { VisitsService } from '../visits/service.js';
import { decidePriority, triageFacts, TRIAGE_EVENT } from './priority.js';
import { createAssessmentSchema, createVitalSignsSchema, evaluateSchema, updateVitalSignsSchema } from './validation.js';
import { bmiOf, MEASURES, vitalsProblems, type Vitals } from './vital-ranges.js';

const pickVitals = (row: Row): Vitals => Object.fromEntries(MEASURES.map((m) => [m, row[m] ?? null]));

export function triageResources({ models, sequelize, services }: ModuleContext): ResourceDefinition[] {
  const { VitalSign, TriageAssessment } = models;
  const visits = () => services.get<VisitsService>('visits');

  async function openVisit(visitId: string) {
    const visit = await visits().get(visitId);
    if (!visit) throw new Invalid('Unknown visit', { visitId: 'no such visit' });
    return visit;
  }

  async function ageOf(patientId: string) {
    const [row] = await sequelize.query<{ age: number }>(`SELECT extract(year FROM age(birth_date))::int AS age FROM patients WHERE id = :patientId`, {
      type: QueryTypes.SELECT,
      replacements: { patientId },
    });
    return row?.age ?? null;
  }

  async function recordVitals(ctx: HandlerContext, visit: Row, vitals: Vitals) {
    const created = await VitalSign.create({ ...vitals, bmi: bmiOf(vitals), visitId: visit.id, patientId: visit.patientId, createdBy: ctx.user.id, updatedBy: ctx.user.id });
    await services.audit.record(ctx, { action: 'create', resource: 'vital-signs', recordId: String(created.get('id')), after: created.get({ plain: true }) });
    return created;
  }

  const vitalSigns: ResourceDefinition = {
    name: 'vital-signs',
    label: 'Vital signs',
    model: VitalSign,
    createSchema: createVitalSignsSchema as unknown as z.ZodObject<any>,
    updateSchema: updateVitalSignsSchema,
    sortable: ['id', 'takenAt', 'createdAt'],
    defaultSort: ['takenAt', 'DESC'],
    filters: { visitId: 'eq', patientId: 'eq', takenAt: 'range' },
    // Clinical records are corrected, never deleted.
    operations: { delete: false },
    async beforeCreate(_ctx, data) {
      const visit = await openVisit(data.visitId);
      return { ...data, patientId: visit.patientId, bmi: bmiOf(data as Vitals) };
    },
    beforeUpdate(_ctx, record, data) {
      const merged = { ...pickVitals(record.get({ plain: true })), ...pickVitals({ ...record.get({ plain: true }), ...data }) };
      const problems = vitalsProblems(merged, true);
      if (problems.length) throw new Invalid('Some fields are not valid', Object.fromEntries(problems.map((p) => [p.path, p.message])));
      return { ...data, bmi: bmiOf(merged) };
    },
  };

  const assessments: ResourceDefinition = {
    name: 'triage-assessments',
    label: 'Triage',
    model: TriageAssessment,
    createSchema: createAssessmentSchema as unknown as z.ZodObject<any>,
    // An assessment stands as made; a new assessment re-triages the visit.
    updateSchema: z.object({}),
    operations: { update: false, delete: false },
    sortable: ['id', 'createdAt', 'priority'],
    defaultSort: ['createdAt', 'DESC'],
    filters: { visitId: 'eq', patientId: 'eq', priority: 'eq', createdAt: 'range' },
    async beforeCreate(ctx, data) {
      const visit = await openVisit(data.visitId);
      if (['done', 'left'].includes(visit.queueStatus)) throw new Conflict(`Token ${visit.token} has left the queue (${visit.queueStatus}); it cannot be triaged`, { queueStatus: visit.queueStatus });
      let vitals: Model | null = null;
      if (data.vitalSignsId) {
        vitals = await VitalSign.findByPk(data.vitalSignsId);
        if (!vitals || vitals.get('visitId') !== visit.id) throw new Invalid('Those vital signs are not of this visit', { vitalSignsId: 'not a reading of this visit' });
      } else if (data.vitals) {
        vitals = await recordVitals(ctx, visit, data.vitals);
      }
      const facts = triageFacts({ vitals: vitals ? pickVitals(vitals.get({ plain: true })) : null, chiefComplaint: data.chiefComplaint, dangerSigns: data.dangerSigns, ageYears: await ageOf(visit.patientId) });
      const computed = await decidePriority(services, facts);
      const priority = data.overridePriority ?? computed.priority;
      if (priority !== computed.priority && !data.overrideReason) {
        throw new Invalid('Say why the priority differs from the triage rules', { overrideReason: `required to change ${computed.priority} to ${priority}` });
      }
      await visits().setPriority(ctx, visit.id, priority);
      await services.events.emit(TRIAGE_EVENT, { ...facts, visitId: visit.id, patientId: visit.patientId, priority }, ctx);
      return {
        visitId: visit.id,
        patientId: visit.patientId,
        vitalSignsId: vitals?.get('id') ?? null,
        chiefComplaint: data.chiefComplaint,
        dangerSigns: data.dangerSigns,
        computedPriority: computed.priority,
        priority,
        overrideReason: priority !== computed.priority ? data.overrideReason : null,
        decidedBy: computed.decidedBy,
      };
    },
    async afterCreate(_ctx, record) {
      const id = record.get('vitalSignsId') as string | null;
      return { vitalSigns: id ? (await VitalSign.findByPk(id, { raw: true })) : null };
    },
    actions: [
      {
        name: 'evaluate',
        access: 'create',
        collection: true,
        audited: false,
        summary: 'The priority the triage rules give these vital signs, danger signs and complaint; saves nothing',
        schema: evaluateSchema,
        async handler(_ctx, { body }) {
          const visit = body.visitId ? await openVisit(body.visitId) : null;
          const facts = triageFacts({ ...body, ageYears: visit ? await ageOf(visit.patientId) : null });
          return { ...(await decidePriority(services, facts)), bmi: facts.bmi ?? null };
        },
      },
    ],
  };
  return [vitalSigns, assessments];
}
