import EventNoteIcon from '@mui/icons-material/EventNote';
import { ScheduleCreate, ScheduleEdit } from './ScheduleForms.js';
import { ScheduleList } from './ScheduleList.js';

export const providerSchedules = { name: 'provider-schedules', list: ScheduleList, create: ScheduleCreate, edit: ScheduleEdit, icon: EventNoteIcon };
