import type { ModuleContext } from '../../../server/host/types.js';
import type { HandlerContext, ResourceDefinition, Row } from '../../../server/http/resource.js';
import { Conflict, Invalid } from '../../../server/http/errors.js';
import { createEncounterSchema, updateEncounterSchema } from '../validation.js';
import { noteDetails } from './soap-notes.resource.js';

const canRead = (ctx: HandlerContext, resource: string) => ctx.services.access.can(ctx.user.roles, 'read', resource);

export function encountersResource(context: ModuleContext): ResourceDefinition {
  const { models } = context;
  const { Encounter, Patient, Visit, SoapNote, EncounterDiagnosis } = models;

  return {
    name: 'encounters',
    label: 'Encounters',
    description: 'A consultation in a clinic during a visit',
    model: Encounter,
    createSchema: createEncounterSchema,
    updateSchema: updateEncounterSchema,
    sortable: ['startedAt', 'endedAt', 'status', 'type', 'createdAt'],
    defaultSort: ['startedAt', 'DESC'],
    filters: { patientId: 'eq', visitId: 'eq', clinicId: 'eq', physicianId: 'eq', status: 'eq', type: 'eq', startedAt: 'range' },
    operations: { delete: false },

    async beforeCreate(ctx, data) {
      if (!(await Patient.findByPk(data.patientId, { attributes: ['id'] }))) throw new Invalid('No such patient', { patientId: 'no patient with this id' });
      let clinicId = data.clinicId ?? null;
      if (data.visitId) {
        const visit = (await Visit.findByPk(data.visitId, { raw: true })) as Row | null;
        if (!visit) throw new Invalid('No such visit', { visitId: 'no visit with this id' });
        if (visit.patientId !== data.patientId) throw new Invalid('The visit is another patient’s', { visitId: 'belongs to another patient' });
        if (clinicId && clinicId !== visit.clinicId) throw new Invalid('The visit is in another clinic', { clinicId: 'differs from the visit’s clinic' });
        clinicId = visit.clinicId;
      }
      // The consultation is the signed-in clinician's: nobody opens one in someone else's name.
      return { ...data, clinicId, physicianId: ctx.user.id, type: data.type ?? 'general', status: 'open' };
    },

    beforeUpdate(_ctx, record) {
      if (record.get('status') === 'closed') throw new Conflict('This encounter is closed; it can no longer be changed');
    },

    /** The encounter with what the reader may see of its notes and diagnoses. */
    async detail(ctx, row) {
      const out: Row = { ...row };
      if (canRead(ctx, 'soap-notes').granted) {
        const notes = (await SoapNote.findAll({ where: { encounterId: row.id }, order: [['createdAt', 'ASC']], raw: true })) as Row[];
        out.soapNotes = await noteDetails(context, notes);
      }
      if (canRead(ctx, 'encounter-diagnoses').granted) {
        out.diagnoses = await EncounterDiagnosis.findAll({ where: { encounterId: row.id }, order: [['rank', 'ASC'], ['createdAt', 'ASC']], raw: true });
      }
      return out;
    },

    actions: [
      {
        name: 'close',
        summary: 'End the consultation: no new notes or diagnoses after this; drafts may still be finished and signed',
        async handler(ctx, { record }) {
          if (record!.get('status') === 'closed') throw new Conflict('This encounter is already closed');
          record!.set({ status: 'closed', endedAt: new Date(), updatedBy: ctx.user.id });
          await record!.save();
          return record;
        },
      },
    ],
  };
}
