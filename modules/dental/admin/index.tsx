/** Dental clinic screens: the odontogram per patient and the procedures (plan and done). */
import { defineAdminModule } from '../../../admin/contract.js';
import { dentalCharts } from './charts/index.js';
import { dentalProcedures } from './procedures/index.js';

export default defineAdminModule({
  resources: [dentalCharts, dentalProcedures],
});
