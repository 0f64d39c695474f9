/** Insurance screens: insurers and their terms, claims from draft to paid. */
import HealthAndSafetyIcon from '@mui/icons-material/HealthAndSafety';
import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import { defineAdminModule } from '../../../admin/contract.js';
import { ClaimCreate, ClaimList, ClaimShow } from './ClaimViews.js';
import { PayerCreate, PayerEdit, PayerList } from './PayerViews.js';

export default defineAdminModule({
  resources: [
    { name: 'insurance-claims', list: ClaimList, show: ClaimShow, create: ClaimCreate, icon: RequestQuoteIcon, recordRepresentation: 'number' },
    { name: 'insurance-payers', list: PayerList, edit: PayerEdit, create: PayerCreate, icon: HealthAndSafetyIcon, recordRepresentation: 'name' },
  ],
});
