/** The referral screens and dashboard widget (discovered by the back-office build). */
import { defineAdminModule } from '../../../admin/contract.js';
import { facilities } from './facilities/index.js';
import { ReferralKpis } from './ReferralKpis.js';
import { referrals } from './referrals/index.js';

export default defineAdminModule({
  resources: [referrals, facilities],
  widgets: [{ id: 'referral-kpis', resource: 'referrals', component: ReferralKpis, width: 6 }],
});
