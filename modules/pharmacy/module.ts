/**
 * Pharmacy: the formulary and its interaction table, prescriptions written from an encounter
 * with order-time safety checks (rules/prescription-safety.json grades them), and dispensing as
 * a workflow that takes stock through inventory's steps and charges through billing's events.
 */
import { defineModule } from '../../server/host/types.js';
import type { DecisionRegistry } from '../../server/workflows/decisions.js';
import { dispensingOf } from './dispensing.js';
import { grants } from './grants.js';
import { definePharmacyModels } from './models/pharmacy.models.js';
import { dispenseResource } from './resources/dispenses.js';
import { formularyResources } from './resources/formulary.js';
import { prescriptionResource } from './resources/prescriptions.js';
import { SAFETY_EVENT, SAFETY_FACTS, safetyWarningParams } from './safety.js';
import { seedFormulary } from './seeds/base.js';
import { seedDemoDispensary } from './seeds/demo.js';

export default defineModule({
  id: 'pharmacy',
  version: '1.0.0',
  label: 'Pharmacy',
  menu: 'Pharmacy',
  dependsOn: ['patients', 'visits', 'clinical', 'inventory'],
  models: ({ sequelize }) => definePharmacyModels(sequelize),
  grants,
  resources: (ctx) => [...formularyResources(ctx), prescriptionResource(ctx), dispenseResource(ctx, dispensingOf(ctx))],
  seeds: { base: seedFormulary, demo: seedDemoDispensary },
  async bootstrap({ services }) {
    services.events.declare({ name: SAFETY_EVENT, facts: SAFETY_FACTS, description: 'One allergy or interaction candidate found while a prescription is written' });
    services.get<DecisionRegistry>('decisions').register({
      type: 'safety.warning',
      description: 'A prescription safety warning: severe blocks the order without an override reason, moderate is shown',
      params: () => safetyWarningParams,
    });
  },
});
