/**
 * Rules decide where a referral goes (architecture §7). The `referral-routing` rule set runs on
 * `referral.submitted` twice: first on what the physician wrote and the patient's insurance
 * (for `referral.route`), then with the chosen destination added (`destination`, `external`,
 * `destinationLevel`) for what depends on it: `approval.required`, `sla.set`, `priority.set`,
 * `notify`. The runner reads the active rule set on every call, so an edit applies to the next
 * referral without a restart.
 */
import { Op, type Model } from 'sequelize';
import type { ModuleContext } from '../../server/host/types.js';
import { Conflict } from '../../server/http/errors.js';
import type { Row } from '../../server/http/resource.js';
import type { Decision } from '../../server/workflows/rules.js';

export const SUBMITTED_EVENT = 'referral.submitted';
export const SUBMITTED_FACTS = ['specialty', 'urgency', 'payerCode', 'insured', 'patientAge', 'patientSex', 'requestedDestination', 'destination', 'external', 'destinationLevel'];

const DEFAULT_PRIORITY: Record<string, string> = { emergency: 'emergency', urgent: 'urgent', routine: 'routine' };

export interface RoutingOutcome {
  destination: Row;
  priority: string;
  routedBy: string;
  approval: { chain: string[]; slaHours?: number; escalate?: unknown; ruleSet: string } | null;
  respondMin: number | null;
  notify: { template: string; to: string | string[] }[];
  decisions: Decision[];
  facts: Record<string, unknown>;
}

const ageOn = (birthDate: string, today = new Date()) => {
  const b = new Date(birthDate);
  let a = today.getUTCFullYear() - b.getUTCFullYear();
  if (today.getUTCMonth() < b.getUTCMonth() || (today.getUTCMonth() === b.getUTCMonth() && today.getUTCDate() < b.getUTCDate())) a--;
  return a;
};

/** Facts about the referral and the patient, before a destination is chosen. */
export async function referralFacts({ models }: ModuleContext, referral: Row): Promise<Record<string, unknown>> {
  const { Patient, PatientInsurance, Facility } = models;
  const today = new Date().toISOString().slice(0, 10);
  // One after another: inside the submit transaction they share one connection.
  const patient = (await Patient.findByPk(referral.patientId, { attributes: ['birthDate', 'sex'], raw: true })) as Row | null;
  const insurance = (await PatientInsurance.findOne({
    where: { patientId: referral.patientId, validFrom: { [Op.lte]: today }, [Op.or]: [{ validTo: null }, { validTo: { [Op.gte]: today } }] },
    order: [['isPrimary', 'DESC'], ['validFrom', 'DESC']],
    attributes: ['payerCode'],
    raw: true,
  })) as Row | null;
  const requested = referral.requestedDestinationId ? ((await Facility.findByPk(referral.requestedDestinationId, { attributes: ['code'], raw: true })) as Row | null) : null;
  return {
    specialty: referral.specialty,
    urgency: referral.urgency,
    payerCode: insurance?.payerCode ?? null,
    insured: Boolean(insurance),
    patientAge: patient?.birthDate ? ageOn(patient.birthDate) : null,
    patientSex: patient?.sex ?? null,
    requestedDestination: requested?.code ?? null,
  };
}

export async function routeReferral(ctx: ModuleContext, referral: Row): Promise<RoutingOutcome> {
  const { services, models } = ctx;
  const Facility = models.Facility;
  const facts = await referralFacts(ctx, referral);
  const first = await services.rules.decide(SUBMITTED_EVENT, facts);
  const route = first.find((d) => d.type === 'referral.route');

  let destination: Model | null = null;
  let routedBy: string;
  if (route) {
    const code = String(route.params.destination ?? '');
    destination = await Facility.findOne({ where: { code, active: true } });
    if (!destination) {
      throw new Conflict(`The routing rule "${route.rule ?? route.ruleSet}" sends this referral to "${code}", which is not an active facility in the directory`, {}, { destinationId: `no active facility with code ${code}` });
    }
    routedBy = `${route.ruleSet}: ${route.rule ?? 'rule'}`;
  } else if (referral.requestedDestinationId) {
    destination = await Facility.findOne({ where: { id: referral.requestedDestinationId, active: true } });
    if (!destination) throw new Conflict('The chosen destination is no longer an active facility', {}, { requestedDestinationId: 'choose an active facility' });
    routedBy = 'chosen by the referring physician';
  } else {
    throw new Conflict('No routing rule matches this referral: choose a destination', {}, { requestedDestinationId: 'choose where to refer the patient' });
  }

  const dest = destination.get({ plain: true }) as Row;
  const withDestination = { ...facts, destination: dest.code, external: dest.external, destinationLevel: dest.level };
  const second = await services.rules.decide(SUBMITTED_EVENT, withDestination);
  const approval = second.find((d) => d.type === 'approval.required');
  const sla = second.find((d) => d.type === 'sla.set');
  const prioritySet = second.find((d) => d.type === 'priority.set');
  return {
    destination: dest,
    priority: String(route?.params.priority ?? prioritySet?.params.priority ?? DEFAULT_PRIORITY[referral.urgency] ?? 'routine'),
    routedBy,
    approval: approval
      ? { chain: approval.params.chain as string[], slaHours: approval.params.slaHours as number | undefined, escalate: approval.params.escalate, ruleSet: approval.ruleSet }
      : null,
    respondMin: typeof sla?.params.respondMin === 'number' ? sla.params.respondMin : null,
    notify: second.filter((d) => d.type === 'notify').map((d) => d.params as { template: string; to: string | string[] }),
    decisions: [...(route ? [route] : []), ...second.filter((d) => d.type !== 'referral.route')],
    facts: withDestination,
  };
}
