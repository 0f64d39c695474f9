/** Laboratory screens: worklist, order with specimens and result entry, verification queue, cumulative trends, catalogue. */
import BiotechIcon from '@mui/icons-material/Biotech';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { defineAdminModule } from '../../../admin/contract.js';
import { labPanels, labTests } from './catalogue.js';
import { CumulativeResults } from './CumulativeResults.js';
import { OrderCreate } from './orders/OrderCreate.js';
import { OrderList } from './orders/OrderList.js';
import { OrderShow } from './orders/OrderShow.js';
import { VerificationQueue } from './VerificationQueue.js';
import { LabOverdue, LabTurnaround } from './widgets.js';

export default defineAdminModule({
  resources: [
    { name: 'lab-orders', list: OrderList, show: OrderShow, create: OrderCreate, icon: BiotechIcon, recordRepresentation: 'orderNumber' },
    labTests,
    labPanels,
  ],
  routes: [
    { path: '/lab-verification', component: VerificationQueue, resource: 'lab-results', menuLabel: 'Verification queue', icon: FactCheckIcon },
    { path: '/patients/:id/lab-results', component: CumulativeResults, resource: 'lab-results' },
  ],
  widgets: [
    { id: 'lab-turnaround', resource: 'lab-orders', component: LabTurnaround, width: 6 },
    { id: 'lab-overdue', resource: 'lab-orders', component: LabOverdue, width: 3 },
  ],
  messages: {
    en: { resources: { 'lab-orders': { name: 'Lab order |||| Lab worklist' }, 'lab-tests': { name: 'Lab test |||| Lab tests' }, 'lab-panels': { name: 'Lab panel |||| Lab panels' } } },
    fr: { resources: { 'lab-orders': { name: 'Demande |||| Demandes de laboratoire' }, 'lab-tests': { name: 'Analyse |||| Analyses' }, 'lab-panels': { name: 'Bilan |||| Bilans' } } },
  },
});
