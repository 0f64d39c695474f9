import SendIcon from '@mui/icons-material/Send';
import { ReferralCreate } from './ReferralCreate.js';
import { ReferralEdit } from './ReferralEdit.js';
import { ReferralList } from './ReferralList.js';
import { ReferralShow } from './ReferralShow.js';

export const referrals = {
  name: 'referrals',
  list: ReferralList,
  show: ReferralShow,
  edit: ReferralEdit,
  create: ReferralCreate,
  icon: SendIcon,
  recordRepresentation: 'number',
};
