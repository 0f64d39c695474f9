/**
 * Appointments: clinics (service points with a token letter and opening hours), physicians'
 * weekly sessions, and bookings. A booking fills one slot of a session; a provider's slot holds
 * one live booking (unique index); free slots per clinic and day; a reminder the day before.
 * Offers `services.get('appointments')` to the visits module (check-in, completion, clinics).
 */
import { defineModule } from '../../server/host/types.js';
import { grants } from './grants.js';
import { defineAppointmentModel } from './models/appointment.model.js';
import { defineClinicModel } from './models/clinic.model.js';
import { defineProviderScheduleModel } from './models/provider-schedule.model.js';
import { sendReminders } from './reminders.js';
import { appointmentResources } from './resources.js';
import { seedClinics } from './seeds/base.js';
import { seedDemoAppointments } from './seeds/demo.js';
import { appointmentsService } from './service.js';

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
  grants,
  resources: appointmentResources,
  jobs: [{ name: 'appointments.send-reminders', repeat: '0 17 * * *', handler: (ctx) => sendReminders(ctx) }],
  seeds: { base: seedClinics, demo: seedDemoAppointments },
  async bootstrap({ sequelize, models, services }) {
    services.provide('appointments', appointmentsService(sequelize, models.Appointment, services.audit));
  },
});
