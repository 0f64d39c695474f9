/**
 * Radiology: the imaging catalogue, orders from the physician's encounter (ordered ->
 * scheduled -> performed -> reported -> verified), reports that the database freezes once
 * signed (addenda add to them), and the `radiographer` role. Images attach to imaging orders
 * through the platform's attachments resource; radiology does not store files itself.
 */
import { defineModule } from '../../server/host/types.js';
import { grants } from './grants.js';
import { kpis } from './kpis.js';
import { defineRadiologyModels } from './models/radiology.models.js';
import { radiologyResources } from './resources.js';
import { seedImagingStudies } from './seeds/base.js';
import { seedRadiographer } from './seeds/demo.js';

export default defineModule({
  id: 'radiology',
  version: '1.0.0',
  label: 'Radiology',
  menu: 'Radiology',
  dependsOn: ['patients', 'clinical'],
  roles: [{ name: 'radiographer', label: 'Radiographer', description: 'X-ray and ultrasound room: schedules, performs and reports imaging studies' }],
  models: ({ sequelize }) => defineRadiologyModels(sequelize),
  grants,
  resources: radiologyResources,
  kpis,
  seeds: { base: seedImagingStudies, demo: seedRadiographer },
});
