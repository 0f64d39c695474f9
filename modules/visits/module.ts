/**
 * Check-in and queue: a visit per arrival with a gap-free token per clinic and day, ordered by
 * triage priority then arrival.
 */
import { defineModule } from '../../server/host/types.js';
import { defineVisitModel } from './models/visit.model.js';

export default defineModule({
  id: 'visits',
  version: '1.0.0',
  label: 'Check-in and queue',
  menu: 'Reception',
  dependsOn: ['patients', 'appointments'],
  models: ({ sequelize }) => ({ Visit: defineVisitModel(sequelize) }),
});
