/**
 * Clinical consultations: encounters during a visit, SOAP notes that become immutable once
 * signed (corrected only by addenda), ICD-10 coded diagnoses from a searchable catalogue, and
 * the patient chart (`GET /api/patients/:id/chart`), paged by time.
 */
import { defineModule } from '../../server/host/types.js';
import { chartRoutes } from './chart/chart.route.js';
import { grants } from './grants.js';
import { kpis } from './kpis.js';
import { defineClinicalModels } from './models/clinical.models.js';
import { clinicalResources } from './resources.js';
import { seedClinicalDemo } from './seeds/demo.js';
import { seedIcd10Codes } from './seeds/icd10-codes.seed.js';

export default defineModule({
  id: 'clinical',
  version: '1.0.0',
  label: 'Clinical consultations',
  menu: 'Clinic',
  // Encounters refer to the visit they happen in and to its clinic (from appointments).
  dependsOn: ['patients', 'appointments', 'visits'],
  models: ({ sequelize }) => defineClinicalModels(sequelize),
  grants,
  resources: clinicalResources,
  routes: (ctx, { api }) => chartRoutes(ctx, { api }),
  kpis,
  seeds: { base: seedIcd10Codes, demo: seedClinicalDemo },
});
