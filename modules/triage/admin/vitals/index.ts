import FavoriteIcon from '@mui/icons-material/Favorite';
import { VitalSignsList } from './VitalSignsList.js';

export const vitalSigns = { name: 'vital-signs', list: VitalSignsList, icon: FavoriteIcon };
