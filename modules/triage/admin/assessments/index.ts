import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import { TriageCreate } from './TriageCreate.js';
import { TriageList } from './TriageList.js';

export const triageAssessments = { name: 'triage-assessments', list: TriageList, create: TriageCreate, icon: MonitorHeartIcon };
