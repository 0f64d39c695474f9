/**
 * Rules decide (architecture §7). A rule set is json-rules-engine rules listening to one
 * domain event; running it on that event's facts yields typed decisions.
 *
 * This file holds the interface every module uses and the loader of the default rule sets
 * (`rules/*.json`, `modules/*\/rules/*.json`). `StoredRulesService` (rule-store.ts) runs the
 * edited, versioned rule sets behind the same `RulesService` interface.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Engine, type RuleProperties } from 'json-rules-engine';

export interface Decision {
  /** approval.required, sla.set, referral.route, notify, priority.set, ... */
  type: string;
  params: Record<string, unknown>;
  ruleSet: string;
  rule?: string;
}

export interface RuleSetDefinition {
  key: string;
  event: string;
  description?: string;
  rules: RuleProperties[];
  /** Facts of the event, for events no module declares with `services.events.declare`. */
  facts?: string[];
  /** Module that shipped the default. */
  module?: string;
}

export interface RulesService {
  /** Runs every active rule set listening to `event` on `facts`; decisions in rule priority order. */
  decide(event: string, facts: Record<string, unknown>): Promise<Decision[]>;
  close?(): Promise<void>;
}

export function readRuleSets(dir: string, module?: string): RuleSetDefinition[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      let def: RuleSetDefinition;
      try {
        def = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (err) {
        throw new Error(`Rule set ${file} is not valid JSON: ${(err as Error).message}`);
      }
      if (!def.key || !def.event || !Array.isArray(def.rules)) throw new Error(`Rule set ${file} needs "key", "event" and "rules"`);
      return { ...def, module };
    });
}

/** An engine for a rule set. Facts a rule names but the event lacks count as undefined. */
export function ruleEngine(rules: RuleProperties[]): Engine {
  return new Engine(rules, { allowUndefinedFacts: true });
}

/** Runs one rule set's rules on facts (an engine may be reused: each run has its own almanac). */
export async function runRuleSet(def: Pick<RuleSetDefinition, 'key' | 'rules'> & { engine?: Engine }, facts: Record<string, unknown>): Promise<Decision[]> {
  const engine = def.engine ?? ruleEngine(def.rules);
  const { results } = await engine.run(facts);
  return results
    .sort((a, b) => (b.priority ?? 1) - (a.priority ?? 1))
    .map((r) => ({ type: r.event!.type, params: (r.event!.params ?? {}) as Record<string, unknown>, ruleSet: def.key, rule: r.name as string | undefined }));
}
