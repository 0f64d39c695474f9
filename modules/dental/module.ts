/**
 * The dental clinic: a dental chart per patient with per-tooth findings (FDI numbering), the
 * treatment plan and done procedures (charged to billing), and dental SOAP notes through the
 * clinical module (encounters of type `dental`). Adds the `dentist` role.
 */
import { defineModule } from '../../server/host/types.js';
import { grants } from './grants.js';
import { defineDentalModels } from './models/dental.models.js';
import { dentalResources } from './resources.js';

export default defineModule({
  id: 'dental',
  version: '1.0.0',
  label: 'Dental clinic',
  menu: 'Clinic',
  dependsOn: ['clinical', 'patients'],
  models: ({ sequelize }) => defineDentalModels(sequelize),
  roles: [{ name: 'dentist', label: 'Dentist', description: 'Dental examinations, charts, procedures and dental notes' }],
  grants,
  resources: dentalResources,
  async bootstrap({ services }) {
    services.events.declare({
      name: 'charge.created',
      facts: ['patientId', 'visitId', 'encounterId', 'department', 'priceCode', 'description', 'quantity', 'sourceResource', 'sourceId'],
      description: 'A billable service was delivered (billing turns it into an invoice line)',
    });
  },
});
