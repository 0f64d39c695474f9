import MedicalServicesIcon from '@mui/icons-material/MedicalServices';
import { EncounterList } from './EncounterList.js';
import { EncounterShow } from './EncounterShow.js';

export const encounters = {
  name: 'encounters',
  list: EncounterList,
  show: EncounterShow,
  icon: MedicalServicesIcon,
  recordRepresentation: (e: { startedAt: string; type: string }) => `${new Date(e.startedAt).toLocaleDateString()} · ${e.type}`,
};
