/** Triage screens: the triage form with the rules' priority at once, assessments, vital signs. */
import { defineAdminModule } from '../../../admin/contract.js';
import { triageAssessments } from './assessments/index.js';
import { vitalSigns } from './vitals/index.js';

export default defineAdminModule({
  resources: [triageAssessments, vitalSigns],
});
