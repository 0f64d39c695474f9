import PeopleAltIcon from '@mui/icons-material/PeopleAlt';
import { PatientCreate } from './PatientCreate.js';
import { PatientEdit } from './PatientEdit.js';
import { PatientList } from './PatientList.js';
import { PatientShow } from './PatientShow.js';

export const patients = {
  name: 'patients',
  list: PatientList,
  show: PatientShow,
  edit: PatientEdit,
  create: PatientCreate,
  icon: PeopleAltIcon,
  recordRepresentation: (p: { mrn: string; givenName: string; familyName: string }) => `${p.mrn} · ${p.givenName} ${p.familyName}`,
};
