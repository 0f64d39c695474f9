import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import { FacilityCreate } from './FacilityCreate.js';
import { FacilityEdit } from './FacilityEdit.js';
import { FacilityList } from './FacilityList.js';

export const facilities = {
  name: 'facilities',
  list: FacilityList,
  edit: FacilityEdit,
  create: FacilityCreate,
  icon: LocalHospitalIcon,
  recordRepresentation: (f: { code: string; name: string }) => `${f.code} · ${f.name}`,
};
