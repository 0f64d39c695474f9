/** Reception (check-in), the staff queue board, the visits list and the waiting-time widget. */
import HowToRegIcon from '@mui/icons-material/HowToReg';
import ViewListIcon from '@mui/icons-material/ViewList';
import { defineAdminModule } from '../../../admin/contract.js';
import { QueueBoard } from './QueueBoard.js';
import { Reception } from './Reception.js';
import { visits } from './visits/index.js';
import { WaitTimes } from './WaitTimes.js';

export default defineAdminModule({
  resources: [visits],
  routes: [
    { path: '/reception', component: Reception, resource: 'visits', menuLabel: 'Reception', icon: HowToRegIcon },
    { path: '/queue-board', component: QueueBoard, resource: 'visits', menuLabel: 'Queue board', icon: ViewListIcon },
  ],
  widgets: [{ id: 'visits-wait-times', resource: 'visits', component: WaitTimes, width: 6 }],
});
