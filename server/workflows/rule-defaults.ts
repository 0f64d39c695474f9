/**
 * Shipped rule sets (`rules/*.json`, `modules/<id>/rules/*.json`) enter the store the first
 * time their key is seen, as version 1, active. A key already in the store is never touched,
 * so a facility head's edits survive restarts, re-seeds and upgrades.
 */
import { UniqueConstraintError } from 'sequelize';
import type { ModuleContext } from '../host/types.js';
import { plain } from '../http/resource.js';
import type { DecisionRegistry } from './decisions.js';
import { checkRules, factsUsed } from './rule-validation.js';
import type { StoredRulesService } from './rule-store.js';

export async function loadDefaultRuleSets({ models, services, sequelize, logger }: ModuleContext, store: StoredRulesService, decisions: DecisionRegistry) {
  const { WorkflowRule, WorkflowRuleVersion } = models;
  for (const def of store.defaults) {
    if (await WorkflowRule.findOne({ where: { key: def.key }, attributes: ['id'] })) continue;
    const declared = services.events.declared.get(def.event)?.facts;
    // An event nobody declares is described by its default: the facts it lists, or uses.
    const facts = [...new Set([...(declared ?? []), ...(def.facts ?? (declared ? [] : factsUsed(def.rules)))])].sort();
    const { rules, errors } = checkRules({ rules: def.rules, facts, decisions });
    if (Object.keys(errors).length) {
      const why = Object.entries(errors).map(([field, msg]) => `${field}: ${msg}`).join('; ');
      throw new Error(`Default rule set "${def.key}" (${def.module ? `modules/${def.module}/rules` : 'rules/'}) is not valid: ${why}`);
    }
    try {
      await sequelize.transaction(async () => {
        const set = await WorkflowRule.create({ key: def.key, event: def.event, description: def.description ?? null, facts: declared ? (def.facts ?? []) : facts, module: def.module ?? null });
        const version = await WorkflowRuleVersion.create({ ruleSetId: set.get('id'), number: 1, rules, comment: `Default shipped by ${def.module ?? 'the platform'}`, authorName: 'default' });
        await set.update({ activeVersionId: version.get('id') });
        await services.audit.record(undefined, { action: 'create', resource: 'workflow-rules', recordId: set.get('id') as string, after: { ...plain(set), rules } });
        store.changed();
      });
      logger.info({ ruleSet: def.key, event: def.event }, 'default rule set loaded');
    } catch (err) {
      // Another process loaded it at the same moment: it is there, which is all we want.
      if (!(err instanceof UniqueConstraintError)) throw err;
    }
  }
}
