/** Clinical screens: worklist, encounter with SOAP editor and diagnoses, patient chart, ICD-10 catalogue. */
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { defineAdminModule } from '../../../admin/contract.js';
import { PatientChart } from './chart/PatientChart.js';
import { encounters } from './encounters/index.js';
import { icd10Codes } from './icd10/index.js';
import { en, fr } from './messages.js';
import { DocumentationRate, EncountersPerDay, TopDiagnoses } from './widgets.js';
import { Worklist } from './worklist/Worklist.js';

export default defineAdminModule({
  resources: [encounters, icd10Codes],
  routes: [
    { path: '/worklist', component: Worklist, resource: 'encounters', menuLabel: 'clinical.worklist', icon: AssignmentIndIcon },
    { path: '/patients/:id/chart', component: PatientChart, resource: 'encounters' },
  ],
  widgets: [
    { id: 'clinical-encounters-per-day', resource: 'encounters', component: EncountersPerDay, width: 6 },
    { id: 'clinical-documentation-rate', resource: 'encounters', component: DocumentationRate, width: 3 },
    { id: 'clinical-top-diagnoses', resource: 'encounter-diagnoses', component: TopDiagnoses, width: 3 },
  ],
  messages: { en, fr },
});
