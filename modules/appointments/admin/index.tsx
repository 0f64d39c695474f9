/** Appointment screens: clinics, physicians' sessions, bookings with free slots. */
import { defineAdminModule } from '../../../admin/contract.js';
import { appointments } from './appointments/index.js';
import { clinics } from './clinics/index.js';
import { providerSchedules } from './schedules/index.js';

export default defineAdminModule({
  resources: [appointments, clinics, providerSchedules],
});
