import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { AppointmentList } from './AppointmentList.js';
import { BookAppointment } from './BookAppointment.js';

export const appointments = { name: 'appointments', list: AppointmentList, create: BookAppointment, icon: EventAvailableIcon };
