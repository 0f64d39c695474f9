/**
 * Appointments: clinics (service points), providers' weekly schedules and bookings. A provider's
 * slot holds one live booking, enforced by a unique index.
 */
import { defineModule } from '../../server/host/types.js';
import { defineAppointmentModel } from './models/appointment.model.js';
import { defineClinicModel } from './models/clinic.model.js';
import { defineProviderScheduleModel } from './models/provider-schedule.model.js';

export default defineModule({
  id: 'appointments',
  version: '1.0.0',
  label: 'Appointments',
  menu: 'Reception',
  dependsOn: ['patients'],
  models: ({ sequelize }) => ({
    Clinic: defineClinicModel(sequelize),
    ProviderSchedule: defineProviderScheduleModel(sequelize),
    Appointment: defineAppointmentModel(sequelize),
  }),
});
