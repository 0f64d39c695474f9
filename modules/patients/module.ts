/**
 * Patient registration: the reference module. MRNs come from the database; search is by MRN,
 * name, phone or national ID over trigram indexes; duplicates are caught at registration.
 */
import { defineModule } from '../../server/host/types.js';
import { grants } from './grants.js';
import { kpis } from './kpis.js';
import { definePatientModels } from './models/patient.model.js';
import { patientResources } from './resources.js';
import { seedDemoPatients } from './seeds/demo.js';

export default defineModule({
  id: 'patients',
  version: '1.0.0',
  label: 'Patient registration',
  menu: 'Registration',
  models: ({ sequelize }) => definePatientModels(sequelize),
  grants,
  resources: patientResources,
  kpis,
  seeds: { demo: (ctx, progress) => seedDemoPatients(ctx, progress) },
});
