/**
 * `workflow-rules` (rule sets) and `workflow-rule-versions`. Saving rules makes a new version,
 * checked before anything is written; activating a version is an audited action; `test` runs
 * a version or a draft on sample facts with no side effect.
 */
import { Op, type Model } from 'sequelize';
import { z } from 'zod';
import type { ModuleContext } from '../host/types.js';
import { Invalid } from '../http/errors.js';
import { plain, type HandlerContext, type ResourceDefinition, type Row } from '../http/resource.js';
import type { DecisionRegistry } from './decisions.js';
import type { NotificationTemplates } from './notification-templates.js';
import { knownFacts } from './rule-facts.js';
import type { StoredRulesService } from './rule-store.js';
import { checkRules } from './rule-validation.js';
import { runRuleSet } from './rules.js';

/** Rules as a JSON array, or the raw editor's text. */
const rulesField = z.union([z.string().max(200_000), z.array(z.unknown()).max(500)], { message: 'a list of rules (or its JSON text)' });
const comment = z.string().trim().max(500).optional();

/** JSON with sorted keys: jsonb does not keep key order, so compare this instead. */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`
      : JSON.stringify(v);

export function ruleResources(
  { models, services }: ModuleContext,
  deps: { decisions: DecisionRegistry; store: () => StoredRulesService | null; templates: NotificationTemplates },
): ResourceDefinition[] {
  const { WorkflowRule, WorkflowRuleVersion } = models;
  const { events, audit } = services;

  /** The parsed rules, or a 400 naming each wrong field. */
  const validRules = (ruleSet: { event: string; facts?: string[] | null }, rules: unknown) => {
    const checked = checkRules({ rules, facts: knownFacts(events, ruleSet), decisions: deps.decisions });
    if (Object.keys(checked.errors).length) throw new Invalid('The rules are not valid', checked.errors);
    return checked.rules;
  };

  const addVersion = async (ctx: HandlerContext, ruleSet: Model, rules: unknown, note?: string) => {
    const max = ((await WorkflowRuleVersion.max('number', { where: { ruleSetId: ruleSet.get('id') } })) as number | null) ?? 0;
    const version = await WorkflowRuleVersion.create({
      ruleSetId: ruleSet.get('id'),
      number: max + 1,
      rules,
      comment: note ?? null,
      authorName: ctx.user.name,
      createdBy: ctx.user.id,
      updatedBy: ctx.user.id,
    });
    await audit.record(ctx, { action: 'create', resource: 'workflow-rule-versions', recordId: version.get('id') as string, after: plain(version) });
    return version;
  };

  const activate = (ruleSet: Model, versionId: string, userId: string) => {
    deps.store()?.changed();
    return ruleSet.update({ activeVersionId: versionId, updatedBy: userId });
  };

  const knownEvents = async () => {
    const stored = (await WorkflowRule.findAll({ attributes: ['event', 'facts'], raw: true })) as unknown as { event: string; facts: string[] }[];
    const names = new Set([...events.declared.keys(), ...stored.map((s) => s.event)]);
    return [...names].sort().map((name) => ({
      name,
      description: events.declared.get(name)?.description ?? null,
      facts: knownFacts(events, { event: name, facts: stored.filter((s) => s.event === name).flatMap((s) => s.facts) }) ?? [],
    }));
  };

  const ruleSets: ResourceDefinition = {
    name: 'workflow-rules',
    label: 'Workflow rules',
    description: 'Rule sets that decide approvals, service levels, routing and notifications for a domain event',
    model: WorkflowRule,
    createSchema: z.object({
      key: z.string().regex(/^[a-z][a-z0-9-]{1,79}$/, 'lower-case words joined by dashes, e.g. leave-approval'),
      event: z.string().trim().min(1, 'the event this rule set listens to').max(120),
      description: z.string().trim().max(2000).optional(),
      rules: rulesField,
      comment,
    }),
    updateSchema: z.object({
      description: z.string().trim().max(2000).nullable().optional(),
      rules: rulesField.optional(),
      comment,
      /** false: save the rules as a draft version without activating it. */
      activate: z.boolean().optional(),
    }),
    sortable: ['key', 'event', 'module', 'createdAt', 'updatedAt'],
    defaultSort: ['key', 'ASC'],
    filters: { event: 'eq', module: 'eq' },
    search: (q) => ({ [Op.or]: [{ key: { [Op.iLike]: `%${q}%` } }, { event: { [Op.iLike]: `%${q}%` } }, { description: { [Op.iLike]: `%${q}%` } }] }),
    operations: { delete: false },
    async beforeCreate(_ctx, data) {
      const facts = knownFacts(events, { event: data.event });
      if (!facts) throw new Invalid('Unknown event', { event: `no module declares the event "${data.event}"; known: ${[...events.declared.keys()].sort().join(', ') || 'none'}` });
      validRules({ event: data.event }, data.rules);
      return { key: data.key, event: data.event, description: data.description ?? null };
    },
    async afterCreate(ctx, record, data) {
      const version = await addVersion(ctx, record, validRules({ event: data.event }, data.rules), data.comment ?? 'First version');
      await activate(record, version.get('id') as string, ctx.user.id);
    },
    async beforeUpdate(ctx, record, data) {
      const { rules, comment: note, activate: makeActive, ...rest } = data;
      if (rules === undefined) return rest;
      const parsed = validRules(plain(record) as { event: string; facts: string[] }, rules);
      // The editor sends the rules with every save: unchanged rules make no new version.
      const active = (await WorkflowRuleVersion.findByPk(record.get('activeVersionId') as string, { attributes: ['rules'], raw: true })) as Row | null;
      if (active && canonical(active.rules) === canonical(parsed)) return rest;
      const version = await addVersion(ctx, record, parsed, note);
      if (makeActive === false) return rest;
      deps.store()?.changed();
      return { ...rest, activeVersionId: version.get('id') };
    },
    async detail(_ctx, row) {
      const versions = (await WorkflowRuleVersion.findAll({ where: { ruleSetId: row.id }, order: [['number', 'DESC']], raw: true })) as unknown as Row[];
      const active = versions.find((v) => v.id === row.activeVersionId);
      return {
        ...row,
        rules: active?.rules ?? [],
        activeVersionNumber: active?.number ?? null,
        knownFacts: knownFacts(events, row as { event: string; facts: string[] }) ?? [],
        versions: versions.map(({ id, number, comment: c, authorName, createdAt, createdBy }) => ({ id, number, comment: c, authorName, createdAt, createdBy, active: id === row.activeVersionId })),
      };
    },
    actions: [
      {
        name: 'activate',
        summary: 'Makes another version of the rule set the active one (takes effect for the next event)',
        schema: z.object({ versionId: z.uuid('the id of a version of this rule set') }),
        async handler(ctx, { record, body }) {
          const version = await WorkflowRuleVersion.findOne({ where: { id: body.versionId, ruleSetId: record!.get('id') } });
          if (!version) throw new Invalid('No such version', { versionId: 'is not a version of this rule set' });
          return activate(record!, body.versionId, ctx.user.id);
        },
      },
      {
        name: 'test',
        summary: 'Runs the active version, a saved version or draft rules on sample facts; returns the decisions, changes nothing',
        schema: z.object({ facts: z.record(z.string(), z.unknown()).default({}), versionId: z.uuid().optional(), rules: rulesField.optional() }),
        audited: false,
        async handler(_ctx, { record, body }) {
          const ruleSet = plain(record!) as { key: string; event: string; facts: string[]; activeVersionId: string };
          let rules: unknown;
          let number: number | null = null;
          if (body.rules !== undefined) {
            rules = validRules(ruleSet, body.rules);
          } else {
            const version = (await WorkflowRuleVersion.findOne({ where: { id: body.versionId ?? ruleSet.activeVersionId, ruleSetId: record!.get('id') }, raw: true })) as Row | null;
            if (!version) throw new Invalid('No such version', { versionId: 'is not a version of this rule set' });
            rules = version.rules;
            number = version.number;
          }
          const decisions = await runRuleSet({ key: ruleSet.key, rules: rules as never }, { ...body.facts, event: ruleSet.event });
          return { version: number, draft: body.rules !== undefined, decisions };
        },
      },
      {
        name: 'catalog',
        access: 'read',
        collection: true,
        method: 'get',
        audited: false,
        summary: 'What the rule editor offers: events with their facts, decision types, notification templates, roles',
        async handler() {
          return {
            events: await knownEvents(),
            decisions: deps.decisions.list(),
            templates: deps.templates.names(),
            operators: ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'],
            roles: services.access.roles.map((r) => ({ name: r.name, label: r.label, approves: services.access.can([r.name], 'approve', 'approvals').granted })),
          };
        },
      },
    ],
  };

  const versions: ResourceDefinition = {
    name: 'workflow-rule-versions',
    label: 'Rule versions',
    model: WorkflowRuleVersion,
    createSchema: z.object({ ruleSetId: z.uuid('the id of a rule set'), rules: rulesField, comment }),
    sortable: ['number', 'createdAt'],
    defaultSort: ['number', 'DESC'],
    filters: { ruleSetId: 'eq' },
    operations: { update: false, delete: false },
    async beforeCreate(ctx, data) {
      // Locks the rule set so two saves at once get consecutive numbers.
      const ruleSet = await WorkflowRule.findByPk(data.ruleSetId, { lock: true });
      if (!ruleSet) throw new Invalid('No such rule set', { ruleSetId: 'is not a rule set' });
      const rules = validRules(plain(ruleSet) as { event: string; facts: string[] }, data.rules);
      const max = ((await WorkflowRuleVersion.max('number', { where: { ruleSetId: data.ruleSetId } })) as number | null) ?? 0;
      return { ruleSetId: data.ruleSetId, rules, comment: data.comment ?? null, number: max + 1, authorName: ctx.user.name };
    },
  };

  return [ruleSets, versions];
}
