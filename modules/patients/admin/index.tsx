/** The patient registration screens and dashboard widgets (discovered by the back-office build). */
import { defineAdminModule } from '../../../admin/contract.js';
import { en, fr } from './messages.js';
import { patients } from './patients/index.js';
import { widgets } from './widgets/index.js';

export default defineAdminModule({
  resources: [patients],
  widgets,
  messages: { en, fr },
});
