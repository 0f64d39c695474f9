import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import { VisitList } from './VisitList.js';

export const visits = { name: 'visits', list: VisitList, icon: ConfirmationNumberIcon, recordRepresentation: 'token' };
