import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import { ClinicCreate, ClinicEdit } from './ClinicForms.js';
import { ClinicList } from './ClinicList.js';

export const clinics = {
  name: 'clinics',
  list: ClinicList,
  create: ClinicCreate,
  edit: ClinicEdit,
  icon: LocalHospitalIcon,
  recordRepresentation: (c: { code: string; name: string }) => `${c.code} · ${c.name}`,
};
