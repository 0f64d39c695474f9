/**
 * The workflow screens: the rule editor for facility heads, the approvals inbox (everyone)
 * and list, the notifications outbox, the failed-jobs list for superadmin.
 */
import ApprovalIcon from '@mui/icons-material/Approval';
import ErrorIcon from '@mui/icons-material/ErrorOutlined';
import InboxIcon from '@mui/icons-material/Inbox';
import MailIcon from '@mui/icons-material/MailOutlined';
import { defineAdminModule } from '../../../admin/contract.js';
import { ApprovalList } from './approvals/ApprovalList.js';
import { ApprovalsInbox } from './approvals/ApprovalsInbox.js';
import { FailedJobList } from './failed-jobs/FailedJobList.js';
import { NotificationList } from './notifications/NotificationList.js';
import { NotificationShow } from './notifications/NotificationShow.js';
import { workflowRules } from './rules/index.js';

export default defineAdminModule({
  resources: [
    workflowRules,
    { name: 'approvals', list: ApprovalList, icon: ApprovalIcon },
    { name: 'notifications', list: NotificationList, show: NotificationShow, icon: MailIcon, recordRepresentation: 'subject' },
    { name: 'failed-jobs', list: FailedJobList, icon: ErrorIcon, menu: 'Administration' },
  ],
  routes: [
    // Everyone has an inbox; every signed-in role reads its own notifications, so that grant
    // stands for "signed in" here (the inbox itself is the `inbox` action on approvals).
    { path: '/approvals-inbox', component: ApprovalsInbox, resource: 'notifications', menuLabel: 'Approvals waiting for me', icon: InboxIcon },
  ],
  messages: {
    en: {
      resources: {
        'workflow-rules': { name: 'Workflow rule |||| Workflow rules' },
        approvals: { name: 'Approval |||| Approvals' },
        notifications: { name: 'Notification |||| Notifications' },
        'failed-jobs': { name: 'Failed job |||| Failed jobs' },
      },
    },
  },
});
