import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import type { ModuleContext } from '../../server/host/types.js';
import { Conflict, Invalid } from '../../server/http/errors.js';
import { plain, type ActionDefinition, type ResourceDefinition, type Row } from '../../server/http/resource.js';
import { LETTER_TEMPLATE, letterData, letterTitle } from './letter.js';
import type { ReferralSubmission } from './submission.js';
import { completeSchema, createFacilitySchema, createReferralSchema, replySchema, updateFacilitySchema, updateReferralSchema } from './validation.js';
import { contains } from '../../server/http/query.js';

export function referralResources(ctx: ModuleContext, submission: ReferralSubmission): ResourceDefinition[] {
  const { models } = ctx;
  const { Facility, Referral, Patient, Encounter } = models;

  /** References a physician typed must exist and fit: 400 with the field, never a foreign-key 409. */
  async function checkReferences(data: Row, patientId: string) {
    const errors: Record<string, string> = {};
    if (data.patientId && !(await Patient.findByPk(data.patientId, { attributes: ['id'] }))) errors.patientId = 'no such patient';
    if (data.encounterId) {
      const encounter = (await Encounter.findByPk(data.encounterId, { attributes: ['patientId'], raw: true })) as Row | null;
      if (!encounter) errors.encounterId = 'no such encounter';
      else if (encounter.patientId !== patientId) errors.encounterId = 'is an encounter of another patient';
    }
    if (data.requestedDestinationId && !(await Facility.findOne({ where: { id: data.requestedDestinationId, active: true }, attributes: ['id'] }))) {
      errors.requestedDestinationId = 'no active facility with this id';
    }
    if (Object.keys(errors).length) throw new Invalid('Some fields are not valid', errors);
  }

  const reply = (status: 'accepted' | 'rejected'): ActionDefinition => ({
    name: status === 'accepted' ? 'accept' : 'reject',
    access: 'record-reply',
    summary: status === 'accepted' ? "Record the destination's acceptance and its reply" : "Record the destination's refusal and its reply",
    schema: replySchema,
    async handler(hc, { record, body }: { record?: any; body: z.infer<typeof replySchema> }) {
      if (record.get('status') !== 'sent') throw new Conflict(`Only a sent referral gets an answer; this one is ${record.get('status')}`);
      await record.update({
        status,
        reply: body.reply,
        appointmentAt: status === 'accepted' ? (body.appointmentAt ?? null) : null,
        answeredAt: new Date(),
        updatedBy: hc.user.id,
      });
      return record;
    },
  });

  const facilities: ResourceDefinition = {
    name: 'facilities',
    label: 'Referral facilities',
    model: Facility,
    createSchema: createFacilitySchema,
    updateSchema: updateFacilitySchema,
    sortable: ['name', 'code', 'level', 'createdAt'],
    defaultSort: ['name', 'ASC'],
    filters: {
      level: 'eq',
      external: 'eq',
      active: 'eq',
      specialty: (v) => ({ specialties: { [Op.contains]: [String(v).toLowerCase()] } }),
    },
    search: (q) => ({ [Op.or]: [{ name: contains(q) }, { code: contains(q) }] }),
    // Referrals point at facilities: a closed one is made inactive, never deleted.
    operations: { delete: false },
    async beforeCreate(_hc, data) {
      if (await Facility.findOne({ where: { code: data.code }, attributes: ['id'] })) throw new Conflict(`A facility with code ${data.code} exists already`, {}, { code: 'is already used' });
      return data;
    },
  };

  const referrals: ResourceDefinition = {
    name: 'referrals',
    label: 'Referrals',
    model: Referral,
    createSchema: createReferralSchema,
    updateSchema: updateReferralSchema,
    ownerField: 'referredBy',
    sortable: ['number', 'createdAt', 'updatedAt', 'status', 'urgency', 'specialty', 'submittedAt', 'answerDueAt'],
    defaultSort: ['createdAt', 'DESC'],
    filters: {
      status: 'eq',
      urgency: 'eq',
      specialty: 'eq',
      priority: 'eq',
      patientId: 'eq',
      destinationId: 'eq',
      referredBy: 'eq',
      createdAt: 'range',
      answerDueAt: 'range',
      overdue: (v): WhereOptions | undefined => (v === true || v === 'true' ? { status: 'sent', answerDueAt: { [Op.lt]: new Date() } } : undefined),
    },
    search: (q) => ({ [Op.or]: [{ number: contains(q) }, { specialty: contains(q) }, { reason: contains(q) }] }),
    // Clinical correspondence is never deleted.
    operations: { delete: false },
    serialize: (row) => ({ ...row, overdue: row.status === 'sent' && row.answerDueAt !== null && new Date(row.answerDueAt) < new Date() }),
    async detail(_hc, row) {
      const [patient, destination] = await Promise.all([
        Patient.findByPk(row.patientId, { attributes: ['id', 'mrn', 'givenName', 'familyName'], raw: true }),
        row.destinationId ? Facility.findByPk(row.destinationId, { attributes: ['id', 'code', 'name', 'external'], raw: true }) : null,
      ]);
      return { ...row, patient, destination };
    },
    async beforeCreate(hc, data) {
      await checkReferences(data, data.patientId);
      return { ...data, referredBy: hc.user.id, status: 'draft' };
    },
    async beforeUpdate(_hc, record, data) {
      if (record.get('status') !== 'draft') throw new Conflict(`Only a draft referral can be changed; this one is ${record.get('status')}`);
      await checkReferences(data, record.get('patientId') as string);
      return data;
    },
    document: { template: LETTER_TEMPLATE, title: letterTitle, data: (_hc, row) => letterData(ctx, row) },
    actions: [
      {
        name: 'submit',
        summary: 'Route the referral by the rules, ask for approval if they say so, write the letter and notify',
        schema: z.object({}).strict(),
        async handler(hc, { record }) {
          if (record!.get('status') !== 'draft') throw new Conflict(`Only a draft referral can be submitted; this one is ${record!.get('status')}`);
          const actor = { user: hc.user, ip: hc.ip, userAgent: hc.userAgent, requestId: hc.requestId };
          const result = await submission.submit({ actor, referralId: record!.get('id') as string });
          return { ...plain(await record!.reload()), submission: result };
        },
      },
      reply('accepted'),
      reply('rejected'),
      {
        name: 'complete',
        summary: 'Close an accepted referral with its outcome (the counter-referral)',
        schema: completeSchema,
        async handler(hc, { record, body }) {
          if (record!.get('status') !== 'accepted') throw new Conflict(`Only an accepted referral can be completed; this one is ${record!.get('status')}`);
          await record!.update({ status: 'completed', outcome: body.outcome, completedAt: new Date(), updatedBy: hc.user.id });
          return record;
        },
      },
    ],
  };
  return [facilities, referrals];
}
