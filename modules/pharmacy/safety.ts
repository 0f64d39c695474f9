/**
 * Order-time safety. The code finds the candidates (the drug's allergy class against the
 * patient's recorded allergies; interaction pairs against the patient's other active
 * prescriptions and the other items of the order); the rule set
 * `rules/prescription-safety.json` grades each one, so a facility can tighten the grading
 * without a code change.
 */
import { Op, QueryTypes } from 'sequelize';
import { z } from 'zod';
import type { ModuleContext } from '../../server/host/types.js';
import type { Row } from '../../server/http/resource.js';

export const SAFETY_EVENT = 'prescription.safety-check';
export const SAFETY_FACTS = ['check', 'drugAllergyClass', 'patientAllergyClasses', 'interactionSeverity', 'drugAtc', 'otherAtc', 'controlled'];
export const safetyWarningParams = z.object({
  severity: z.enum(['severe', 'moderate'], { message: 'severe (blocks without an override reason) or moderate (shown)' }),
  code: z.string().min(1).max(60),
});

export interface SafetyWarning {
  severity: 'severe' | 'moderate';
  code: string;
  /** The drug of the order it is about. */
  drugId: string;
  drugName: string;
  message: string;
  advice?: string;
  otherDrugName?: string;
  rule?: string;
}

const atcMatches = (atc: string, prefix: string) => atc.startsWith(prefix);
const drugLabel = (d: Row) => `${d.genericName} ${d.strength}`;

export async function checkSafety(ctx: ModuleContext, patientId: string, drugIds: string[], excludePrescriptionId?: string): Promise<SafetyWarning[]> {
  const { models, sequelize, services } = ctx;
  const drugs = (await models.Drug.findAll({ where: { id: { [Op.in]: drugIds } }, raw: true })) as Row[];
  const allergies = (await models.PatientAllergy.findAll({ where: { patientId, status: 'active' }, attributes: ['substance', 'allergyClass', 'severity'], raw: true })) as Row[];
  const patientAllergyClasses = [...new Set(allergies.map((a) => a.allergyClass).filter(Boolean))];
  const active = await sequelize.query<Row>(
    `SELECT d.id, d.generic_name AS "genericName", d.strength, d.atc_code AS "atcCode", p.number
       FROM prescriptions p JOIN prescription_items i ON i.prescription_id = p.id JOIN drugs d ON d.id = i.drug_id
      WHERE p.patient_id = :patientId AND p.status IN ('active', 'partially-dispensed') AND (:exclude::uuid IS NULL OR p.id <> :exclude::uuid)`,
    { type: QueryTypes.SELECT, replacements: { patientId, exclude: excludePrescriptionId ?? null } },
  );
  const interactions = (await models.DrugInteraction.findAll({ raw: true })) as Row[];
  const warnings: SafetyWarning[] = [];

  for (const drug of drugs) {
    // Every fact is always given: json-rules-engine evaluates all conditions of a rule, and an
    // operator such as `contains` fails on a missing list.
    const facts = { drugAllergyClass: drug.allergyClass ?? '', patientAllergyClasses, drugAtc: drug.atcCode, controlled: drug.controlled, interactionSeverity: '', otherAtc: '' };
    if (drug.allergyClass) {
      const decisions = await services.rules.decide(SAFETY_EVENT, { ...facts, check: 'allergy' });
      for (const d of decisions.filter((x) => x.type === 'safety.warning')) {
        const matching = allergies.filter((a) => a.allergyClass === drug.allergyClass);
        const recorded = (matching.length ? matching : allergies).map((a) => `${a.substance} (${a.severity})`).join(', ');
        warnings.push({
          severity: d.params.severity as SafetyWarning['severity'],
          code: String(d.params.code),
          drugId: drug.id,
          drugName: drugLabel(drug),
          message: `${drugLabel(drug)} is in the class ${drug.allergyClass}; recorded allergies: ${recorded}`,
          rule: d.rule,
        });
      }
    }
    // The other drugs: the rest of this order, then the patient's active prescriptions.
    const others: Row[] = [...drugs.filter((o) => o.id !== drug.id && drugs.indexOf(o) > drugs.indexOf(drug)).map((o) => ({ ...o, number: 'this order' })), ...active];
    for (const other of others) {
      for (const ix of interactions) {
        const hit = (atcMatches(drug.atcCode, ix.atcA) && atcMatches(other.atcCode, ix.atcB)) || (atcMatches(drug.atcCode, ix.atcB) && atcMatches(other.atcCode, ix.atcA));
        if (!hit) continue;
        const decisions = await services.rules.decide(SAFETY_EVENT, { ...facts, check: 'interaction', interactionSeverity: ix.severity, otherAtc: other.atcCode });
        for (const d of decisions.filter((x) => x.type === 'safety.warning')) {
          warnings.push({
            severity: d.params.severity as SafetyWarning['severity'],
            code: String(d.params.code),
            drugId: drug.id,
            drugName: drugLabel(drug),
            otherDrugName: `${drugLabel(other)} (${other.number})`,
            message: `${ix.severity} interaction, ${ix.labelA} + ${ix.labelB}: ${ix.effect}`,
            advice: ix.advice,
            rule: d.rule,
          });
        }
      }
    }
  }
  return warnings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'severe' ? -1 : 1));
}
