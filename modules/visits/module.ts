/**
 * Check-in and queue: a visit per arrival, with or without an appointment, carrying a gap-free
 * token per clinic and day (A-001, A-002, ...). Staff call, start and complete it; the queue is
 * ordered by triage priority, then arrival. The waiting room sees tokens only, at
 * /display/<clinic code>. Completing a visit charges the consultation (event charge.created).
 * Offers `services.get('visits')` to triage (priority).
 */
import { defineModule } from '../../server/host/types.js';
import type { AppointmentsService } from '../appointments/service.js';
import { displayRoutes } from './display.js';
import { grants } from './grants.js';
import { kpis } from './kpis.js';
import { defineVisitModel } from './models/visit.model.js';
import { visitResources } from './resources.js';
import { seedDemoVisits } from './seeds/demo.js';
import { visitsService } from './service.js';

export default defineModule({
  id: 'visits',
  version: '1.0.0',
  label: 'Check-in and queue',
  menu: 'Reception',
  dependsOn: ['patients', 'appointments'],
  models: ({ sequelize }) => ({ Visit: defineVisitModel(sequelize) }),
  grants,
  resources: visitResources,
  routes({ sequelize, services }, { root }) {
    displayRoutes(root, sequelize, () => services.get<AppointmentsService>('appointments'));
  },
  kpis,
  seeds: { demo: seedDemoVisits },
  async bootstrap({ models, services }) {
    services.provide('visits', visitsService(models.Visit, services.audit));
  },
});
