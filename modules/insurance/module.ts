/**
 * Insurance: payers with their coverage terms (co-payment, excluded tariff codes), which billing
 * applies through the resolver plugged in here, and claims that batch the insurer share of
 * invoices per payer and period, from draft to paid, with a claim file for submission.
 */
import { defineModule } from '../../server/host/types.js';
import type { BillingService } from '../billing/service.js';
import { coverageResolver } from './coverage.js';
import { grants } from './grants.js';
import { defineInsuranceModels } from './models/insurance.models.js';
import { insuranceResources } from './resources.js';
import { seedPayers } from './seeds/base.js';
import { claimsFollowVoids } from './voids.js';

export default defineModule({
  id: 'insurance',
  version: '1.0.0',
  label: 'Insurance claims',
  menu: 'Billing',
  dependsOn: ['patients', 'billing'],
  models: ({ sequelize }) => defineInsuranceModels(sequelize),
  grants,
  resources: insuranceResources,
  seeds: { base: seedPayers },
  async bootstrap(ctx) {
    const billing = ctx.services.get<BillingService>('billing');
    billing.useCoverage(coverageResolver(ctx.sequelize));
    billing.onVoid(claimsFollowVoids(ctx));
  },
});
