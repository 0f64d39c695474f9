/**
 * The workflow layer (architecture §7), loaded with the platform: the rule store and editor
 * API, decision types, approvals, SLA escalation, notifications and the failed-jobs list.
 *
 * Services it provides to every module:
 * - `decisions` (DecisionRegistry): register a module's own decision types.
 * - `approvals` (ApprovalApi): declare a resource approvable, request approval for a record.
 * - `notifications` (NotificationApi): `send({ template, to, data })`.
 */
import path from 'node:path';
import { defineModule, type ModuleContext } from '../host/types.js';
import { failedJobRoutes } from '../jobs/failed-jobs-routes.js';
import { approvalResources } from './approval-resources.js';
import { ApprovalService } from './approvals.js';
import { registerBuiltinDecisions } from './builtin-decisions.js';
import { DecisionRegistry } from './decisions.js';
import { grants } from './grants.js';
import { workflowModels } from './models.js';
import { NotificationTemplates } from './notification-templates.js';
import { DELIVER_JOB, NotificationService } from './notifications.js';
import { loadDefaultRuleSets } from './rule-defaults.js';
import { ruleResources } from './rule-resources.js';
import { StoredRulesService } from './rule-store.js';

export const SLA_CHECK_JOB = 'workflows.sla-check';

const store = ({ services }: ModuleContext) => (services.rules instanceof StoredRulesService ? services.rules : null);

export default defineModule({
  id: 'workflows',
  version: '1.0.0',
  label: 'Workflows',
  menu: 'Workflows',
  dependsOn: ['platform'],
  migrations: path.join(import.meta.dirname, 'migrations'),
  grants,
  models: ({ sequelize }) => workflowModels(sequelize),
  // Services are created here, the first phase after grants, so that every module's
  // resources and bootstrap can use them.
  resources(ctx) {
    const { services, models, config, sequelize } = ctx;
    const templates = new NotificationTemplates(config);
    templates.loadModules(path.join(config.rootDir, 'modules'));
    const notifications = new NotificationService({
      config,
      Notification: models.Notification,
      User: models.User,
      templates,
      jobs: () => services.jobs,
      knownRoles: () => services.access.roles.map((r) => r.name),
    });
    const approvals = new ApprovalService({ sequelize, Approval: models.Approval, audit: services.audit, events: services.events, notifications });
    const decisions = new DecisionRegistry();
    registerBuiltinDecisions(decisions, { access: () => services.access, approvals, notifications, templates });
    services.provide('notifications', notifications);
    services.provide('approvals', approvals);
    services.provide('decisions', decisions);
    return [...ruleResources(ctx, { decisions, store: () => store(ctx), templates }), ...approvalResources(ctx, approvals)];
  },
  routes(ctx, { api }) {
    failedJobRoutes(api, ctx.services, ctx.sequelize, ctx.config.maxPageSize);
  },
  jobs: [
    { name: SLA_CHECK_JOB, repeat: '* * * * *', handler: ({ services }) => services.get<ApprovalService>('approvals').escalateOverdue() },
    { name: DELIVER_JOB, handler: ({ services }, data) => services.get<NotificationService>('notifications').deliver(data) },
  ],
  async bootstrap(ctx) {
    ctx.services.events.declare({ name: 'approval.approved', facts: ['resource', 'recordId', 'level', 'ruleSet'], description: 'The last level of an approval chain approved' });
    ctx.services.events.declare({ name: 'approval.rejected', facts: ['resource', 'recordId', 'level', 'ruleSet'], description: 'An approval chain rejected' });
    await store(ctx)?.start();
  },
  seeds: {
    // Base seeds run after every module's bootstrap, when all events are declared.
    async base(ctx) {
      const s = store(ctx);
      if (s) await loadDefaultRuleSets(ctx, s, ctx.services.get<DecisionRegistry>('decisions'));
    },
  },
});
