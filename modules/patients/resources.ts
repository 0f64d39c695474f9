import { Op, QueryTypes, Sequelize, type WhereOptions } from 'sequelize';
import type { ModuleContext } from '../../server/host/types.js';
import type { ResourceDefinition, Row } from '../../server/http/resource.js';
import { Conflict, Invalid } from '../../server/http/errors.js';
import { param, preparedSelect } from '../../server/db/select.js';
import {
  AGE_BANDS,
  ageBandRange,
  allergySchema,
  birthDateFromAge,
  createPatientSchema,
  insuranceSchema,
  updatePatientSchema,
} from './validation.js';
import { z } from 'zod';
import { contains, likeEscape } from '../../server/http/query.js';

export function patientSearch(q: string): WhereOptions {
  return Sequelize.where(Sequelize.col('search_text'), { [Op.like]: `%${likeEscape(q.toLowerCase())}%` });
}

export function ageBandWhere(v: unknown): WhereOptions {
  const bands = (Array.isArray(v) ? v : [v]).map(String);
  for (const b of bands) if (!(AGE_BANDS as readonly string[]).includes(b)) throw new Invalid(`Unknown age band "${b}"`, { ageBand: `one of ${AGE_BANDS.join(', ')}` });
  return {
    [Op.or]: bands.map((b) => {
      const { from, to } = ageBandRange(b);
      return { birthDate: { ...(from ? { [Op.gte]: from } : {}), ...(to ? { [Op.lte]: to } : {}) } };
    }),
  };
}

const age = (birthDate: string) => {
  const b = new Date(birthDate);
  const t = new Date();
  let a = t.getUTCFullYear() - b.getUTCFullYear();
  if (t.getUTCMonth() < b.getUTCMonth() || (t.getUTCMonth() === b.getUTCMonth() && t.getUTCDate() < b.getUTCDate())) a--;
  return a;
};

export function patientResources({ models, sequelize }: ModuleContext): ResourceDefinition[] {
  const { Patient, PatientAllergy, PatientInsurance } = models;
  const patientId = param(1);
  const activeAllergies = preparedSelect(PatientAllergy, { where: { patientId, status: 'active' }, order: [['severity', 'DESC']], attributes: Object.keys(PatientAllergy.getAttributes()) });
  const insurancesOf = preparedSelect(PatientInsurance, { where: { patientId }, order: [['validFrom', 'DESC']], attributes: Object.keys(PatientInsurance.getAttributes()) });

  /** Same national ID: the existing record. Similar name and same birth date: possible duplicates. */
  async function findDuplicates(data: Row, excludeId?: string) {
    const existing = data.nationalId ? await Patient.findOne({ where: { nationalId: data.nationalId }, attributes: ['id', 'mrn', 'givenName', 'familyName', 'birthDate'], raw: true }) as Row | null : null;
    const possibleDuplicates = data.birthDate
      ? await sequelize.query<Row>(
          `SELECT id, mrn, given_name AS "givenName", family_name AS "familyName", birth_date AS "birthDate", phone,
                  round(similarity(lower(given_name || ' ' || family_name), lower(:name))::numeric, 2) AS score
             FROM patients
            WHERE birth_date = :birthDate AND status <> 'merged' AND (:excludeId::uuid IS NULL OR id <> :excludeId::uuid)
              AND similarity(lower(given_name || ' ' || family_name), lower(:name)) >= 0.45
            ORDER BY score DESC LIMIT 5`,
          { type: QueryTypes.SELECT, replacements: { name: `${data.givenName} ${data.familyName}`, birthDate: data.birthDate, excludeId: excludeId ?? null } },
        )
      : [];
    return { existing, possibleDuplicates };
  }

  const withBirthDate = (data: Row) => {
    const { estimatedAge, ...rest } = data;
    if (!rest.birthDate && estimatedAge !== undefined) return { ...rest, birthDate: birthDateFromAge(estimatedAge), birthDateEstimated: true };
    return rest.birthDate ? { ...rest, birthDateEstimated: rest.birthDateEstimated ?? false } : rest;
  };

  const patients: ResourceDefinition = {
    name: 'patients',
    label: 'Patients',
    model: Patient,
    createSchema: createPatientSchema as unknown as z.ZodObject<any>,
    updateSchema: updatePatientSchema,
    sortable: ['mrn', 'familyName', 'givenName', 'birthDate', 'sex', 'status', 'createdAt', 'updatedAt'],
    defaultSort: ['createdAt', 'DESC'],
    filters: {
      sex: 'eq',
      status: 'eq',
      city: 'text',
      birthDate: 'range',
      createdAt: 'range',
      ageBand: ageBandWhere,
      mrn: 'eq',
      nationalId: 'eq',
      phone: 'eq',
    },
    search: patientSearch,
    // With a search, sort on an expression so the planner collects the trigram matches first
    // instead of walking a btree index and discarding rows (architecture §10).
    orderBy(field, dir, filter) {
      if (!filter.q) return [[field, dir], ['id', 'ASC']];
      const column = Patient.getAttributes()[field].field;
      const q = sequelize.escape(String(filter.q).trim().toLowerCase());
      return [[Sequelize.literal(`lower(mrn) = ${q}`), 'DESC'], [Sequelize.literal(`("${column}"::text || '')`), dir], ['id', 'ASC']];
    },
    auditReads: true,
    estimateCount: true,
    operations: { delete: true },
    async detail(_ctx, row) {
      const [allergies, insurances] = await Promise.all([activeAllergies([row.id]), insurancesOf([row.id])]);
      return { ...row, allergies, insurances };
    },
    serialize: (row) => (row.birthDate ? { ...row, age: age(row.birthDate) } : row),
    async beforeCreate(_ctx, data) {
      const prepared = withBirthDate(data);
      const { existing } = await findDuplicates(prepared);
      if (existing) {
        throw new Conflict(`A patient with national ID ${prepared.nationalId} is already registered: ${existing.mrn}`, { existingId: existing.id, existing }, { nationalId: `already registered to ${existing.mrn}` });
      }
      return prepared;
    },
    async afterCreate(_ctx, record) {
      const { possibleDuplicates } = await findDuplicates(record.get({ plain: true }), record.get('id') as string);
      return { possibleDuplicates };
    },
    beforeUpdate(_ctx, record, data) {
      const prepared = withBirthDate(data);
      if (prepared.status === 'deceased' && !prepared.deceasedOn && !record.get('deceasedOn')) {
        throw new Invalid('Give the date of death', { deceasedOn: 'required when the patient is deceased' });
      }
      return prepared;
    },
    actions: [
      {
        name: 'check-duplicates',
        access: 'create',
        collection: true,
        audited: false,
        summary: 'Before registering: the patient with the same national ID, and patients with a similar name and the same birth date',
        schema: z.object({
          givenName: z.string().trim().min(1, 'required'),
          familyName: z.string().trim().min(1, 'required'),
          birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').optional(),
          estimatedAge: z.number().int().min(0).max(120).optional(),
          nationalId: z.string().trim().nullish(),
        }),
        async handler(_ctx, { body }) {
          return findDuplicates(withBirthDate(body));
        },
      },
    ],
  };

  const allergies: ResourceDefinition = {
    name: 'patient-allergies',
    label: 'Allergies',
    model: PatientAllergy,
    createSchema: allergySchema,
    updateSchema: allergySchema.omit({ patientId: true }).partial(),
    sortable: ['substance', 'severity', 'createdAt', 'notedOn'],
    filters: { patientId: 'eq', status: 'eq', severity: 'eq', allergyClass: 'eq' },
    search: (q) => ({ substance: contains(q) }),
    operations: { delete: false },
  };

  const insurances: ResourceDefinition = {
    name: 'patient-insurances',
    label: 'Insurance',
    model: PatientInsurance,
    createSchema: insuranceSchema.refine((i) => !i.validTo || i.validTo >= i.validFrom, { message: 'must be on or after the start', path: ['validTo'] }) as unknown as z.ZodObject<any>,
    updateSchema: insuranceSchema.omit({ patientId: true }).partial(),
    sortable: ['payerName', 'validFrom', 'validTo', 'createdAt'],
    filters: { patientId: 'eq', payerCode: 'eq', isPrimary: 'eq' },
    search: (q) => ({ [Op.or]: [{ payerName: contains(q) }, { memberNumber: contains(q) }] }),
  };
  return [patients, allergies, insurances];
}
