/**
 * Triage: vital signs within physiological ranges (BMI computed) and triage assessments. The
 * priority is decided by the rule sets on `triage.assessed` (default rules/triage-priority.json,
 * editable in the rule store without a restart) and set on the visit through the visits service.
 */
import { defineModule } from '../../server/host/types.js';
import { grants } from './grants.js';
import { defineTriageAssessmentModel } from './models/triage-assessment.model.js';
import { defineVitalSignModel } from './models/vital-sign.model.js';
import { TRIAGE_EVENT, TRIAGE_FACTS } from './priority.js';
import { triageResources } from './resources.js';

export default defineModule({
  id: 'triage',
  version: '1.0.0',
  label: 'Triage',
  menu: 'Clinical',
  dependsOn: ['patients', 'visits'],
  models: ({ sequelize }) => ({
    VitalSign: defineVitalSignModel(sequelize),
    TriageAssessment: defineTriageAssessmentModel(sequelize),
  }),
  grants,
  resources: triageResources,
  async bootstrap({ services }) {
    services.events.declare({
      name: TRIAGE_EVENT,
      facts: TRIAGE_FACTS,
      description: 'A patient was triaged: vital signs, danger signs, the chief complaint (and its words) and age',
    });
  },
});
