/**
 * The laboratory: a test catalogue with LOINC codes, reference ranges by sex and age and the
 * reagents each test uses; orders from the physician's encounter; specimens with barcoded
 * accession numbers; results flagged against the patient's range, verified by a second person,
 * amended with history; critical results raised to the rules; a printable report.
 */
import { defineModule } from '../../server/host/types.js';
import { CRITICAL_EVENT, CRITICAL_FACTS, ESCALATED_EVENT, escalateUnacknowledged, registerCriticalDecision } from './critical-results.js';
import { grants } from './grants.js';
import { kpis } from './kpis.js';
import { defineLabModels } from './models/lab.models.js';
import { laboratoryResources } from './resources.js';
import { seedLabCatalogue } from './seeds/base.js';

export default defineModule({
  id: 'laboratory',
  version: '1.0.0',
  label: 'Laboratory',
  menu: 'Laboratory',
  // Orders come from clinical encounters; reagents come out of inventory.
  dependsOn: ['patients', 'inventory', 'clinical'],
  models: ({ sequelize }) => defineLabModels(sequelize),
  grants,
  resources: laboratoryResources,
  kpis,
  jobs: [{ name: 'laboratory.escalate-critical', repeat: '* * * * *', handler: (ctx) => escalateUnacknowledged(ctx) }],
  seeds: { base: seedLabCatalogue },
  async bootstrap(ctx) {
    const { events } = ctx.services;
    events.declare({ name: CRITICAL_EVENT, facts: CRITICAL_FACTS, description: 'A lab result beyond a critical limit (LL or HH)' });
    events.declare({ name: ESCALATED_EVENT, facts: ['resultId', 'orderId', 'patientId', 'escalateTo', 'flag'], description: 'A critical result nobody acknowledged in time' });
    events.declare({ name: 'lab-order.verified', facts: ['orderId', 'patientId', 'orderedBy'], description: 'Every result of a lab order is verified' });
    registerCriticalDecision(ctx);
  },
});
