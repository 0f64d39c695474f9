import type { ModuleContext } from '../../../server/host/types.js';
import type { ResourceDefinition, Row } from '../../../server/http/resource.js';
import { Conflict, Invalid } from '../../../server/http/errors.js';
import { createDiagnosisSchema, updateDiagnosisSchema } from '../validation.js';

export function encounterDiagnosesResource({ models }: ModuleContext): ResourceDefinition {
  const { Encounter, EncounterDiagnosis, Icd10Code } = models;

  const openEncounter = async (encounterId: string) => {
    const encounter = (await Encounter.findByPk(encounterId, { raw: true })) as Row | null;
    if (!encounter) throw new Invalid('No such encounter', { encounterId: 'no encounter with this id' });
    if (encounter.status === 'closed') throw new Conflict('This encounter is closed; its diagnoses can no longer change');
    return encounter;
  };
  const primaryOf = (encounterId: string) => EncounterDiagnosis.findOne({ where: { encounterId, rank: 'primary' }, raw: true }) as Promise<Row | null>;
  const onePrimary = (existing: Row) =>
    new Conflict(`This encounter already has a primary diagnosis (${existing.code} ${existing.title}); add this one as secondary`, undefined, {
      rank: 'there is already a primary diagnosis',
    });

  return {
    name: 'encounter-diagnoses',
    label: 'Diagnoses',
    description: 'ICD-10 coded diagnoses of an encounter, primary and secondary',
    model: EncounterDiagnosis,
    createSchema: createDiagnosisSchema,
    updateSchema: updateDiagnosisSchema,
    sortable: ['createdAt', 'code', 'rank'],
    defaultSort: ['createdAt', 'DESC'],
    filters: { encounterId: 'eq', code: 'eq', rank: 'eq', certainty: 'eq', createdAt: 'range' },
    operations: { delete: false },

    async beforeCreate(_ctx, data) {
      await openEncounter(data.encounterId);
      const icd = (await Icd10Code.findOne({ where: { code: data.code }, raw: true })) as Row | null;
      if (!icd) throw new Invalid(`${data.code} is not in the ICD-10 catalogue`, { code: 'not in the ICD-10 catalogue' });
      if (!icd.active) throw new Invalid(`${data.code} has been retired from the catalogue`, { code: 'retired code; choose another' });
      const primary = await primaryOf(data.encounterId);
      // The first diagnosis is the primary one unless the physician says otherwise.
      const rank = data.rank ?? (primary ? 'secondary' : 'primary');
      if (rank === 'primary' && primary) throw onePrimary(primary);
      return { ...data, rank, title: icd.title };
    },

    async beforeUpdate(_ctx, record, data) {
      await openEncounter(record.get('encounterId') as string);
      if (data.rank === 'primary' && record.get('rank') !== 'primary') {
        const primary = await primaryOf(record.get('encounterId') as string);
        if (primary) throw onePrimary(primary);
      }
    },
  };
}
