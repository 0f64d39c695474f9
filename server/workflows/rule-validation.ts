/**
 * Save-time checks of a rule set, so that a facility head's mistake is a 400 with the field
 * that is wrong, never a failure when the next case arrives: JSON that does not parse, an
 * operator json-rules-engine does not know, a fact the event does not provide, a decision
 * type no handler takes, or decision params its handler refuses.
 */
import { Engine, type RuleProperties } from 'json-rules-engine';
import type { ZodError } from 'zod';
import type { DecisionRegistry } from './decisions.js';

export interface RuleCheckInput {
  /** An array of json-rules-engine rules, or its JSON text (the raw editor sends text). */
  rules: unknown;
  /** Facts the event provides; `null` when the event has no declaration (then facts are not checked). */
  facts: string[] | null;
  decisions: DecisionRegistry;
}

type Errors = Record<string, string>;

/** The engine's own operator map (decorated names such as `not:equal` included); untyped in its .d.ts. */
const operators = (new Engine() as unknown as { operators: { get(name: string): unknown } }).operators;
/** Facts every event carries (the event bus adds its name). */
const ALWAYS = ['event'];

function checkCondition(c: unknown, at: string, facts: Set<string> | null, errors: Errors) {
  if (!c || typeof c !== 'object' || Array.isArray(c)) {
    errors[at] = 'must be a condition object';
    return;
  }
  const node = c as Record<string, unknown>;
  for (const group of ['all', 'any'] as const) {
    if (group in node) {
      if (!Array.isArray(node[group])) errors[`${at}.${group}`] = 'must be a list of conditions';
      else (node[group] as unknown[]).forEach((child, i) => checkCondition(child, `${at}.${group}.${i}`, facts, errors));
      return;
    }
  }
  if ('not' in node) return checkCondition(node.not, `${at}.not`, facts, errors);
  if ('condition' in node) {
    errors[`${at}.condition`] = 'shared conditions are not supported; write the condition out';
    return;
  }
  if (typeof node.fact !== 'string' || !node.fact) errors[`${at}.fact`] = 'name the fact to test';
  else if (facts && !facts.has(node.fact)) errors[`${at}.fact`] = `"${node.fact}" is not a fact of this event (known: ${[...facts].sort().join(', ')})`;
  if (typeof node.operator !== 'string' || !operators.get(node.operator)) {
    errors[`${at}.operator`] = `unknown operator "${String(node.operator ?? '')}"`;
  }
  if (!('value' in node)) errors[`${at}.value`] = 'give a value to compare with';
  const v = node.value as Record<string, unknown> | undefined;
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof v.fact === 'string' && facts && !facts.has(v.fact)) {
    errors[`${at}.value.fact`] = `"${v.fact}" is not a fact of this event`;
  }
}

function zodErrors(err: ZodError, at: string, errors: Errors) {
  for (const issue of err.issues) {
    const key = [at, ...issue.path].join('.');
    errors[key] ??= issue.message;
  }
}

/** Parses and checks a rule set; returns the rules and the field errors (empty when valid). */
export function checkRules(input: RuleCheckInput): { rules: RuleProperties[]; errors: Errors } {
  const errors: Errors = {};
  let rules = input.rules;
  if (typeof rules === 'string') {
    try {
      rules = JSON.parse(rules);
    } catch (err) {
      return { rules: [], errors: { rules: `is not valid JSON: ${(err as Error).message}` } };
    }
  }
  if (!Array.isArray(rules)) return { rules: [], errors: { rules: 'must be a list of rules' } };
  if (!rules.length) return { rules: [], errors: { rules: 'needs at least one rule' } };
  const facts = input.facts ? new Set([...input.facts, ...ALWAYS]) : null;
  rules.forEach((rule: any, i) => {
    const at = `rules.${i}`;
    if (!rule || typeof rule !== 'object' || Array.isArray(rule)) {
      errors[at] = 'must be a rule object';
      return;
    }
    if (rule.name !== undefined && typeof rule.name !== 'string') errors[`${at}.name`] = 'must be text';
    if (rule.priority !== undefined && !(Number.isInteger(rule.priority) && rule.priority >= 1)) errors[`${at}.priority`] = 'must be a whole number of at least 1';
    const top = rule.conditions;
    if (!top || typeof top !== 'object' || !['all', 'any', 'not'].some((k) => k in top)) {
      errors[`${at}.conditions`] = 'must start with an "all", "any" or "not" group';
    } else {
      checkCondition(top, `${at}.conditions`, facts, errors);
    }
    const type = rule.event?.type;
    if (typeof type !== 'string' || !type) {
      errors[`${at}.event.type`] = 'name the decision (e.g. approval.required)';
    } else if (!input.decisions.has(type)) {
      errors[`${at}.event.type`] = `no handler takes the decision "${type}" (known: ${input.decisions.list().map((d) => d.type).join(', ')})`;
    } else {
      const parsed = input.decisions.get(type)!.params().safeParse(rule.event.params ?? {});
      if (!parsed.success) zodErrors(parsed.error, `${at}.event.params`, errors);
    }
  });
  if (!Object.keys(errors).length) {
    // Last word to the engine itself: anything it would refuse at run time is refused now.
    try {
      new Engine(rules as RuleProperties[]);
    } catch (err) {
      errors.rules = (err as Error).message;
    }
  }
  return { rules: rules as RuleProperties[], errors };
}

/** Facts a rule set names, for defaults whose event nobody declares. */
export function factsUsed(rules: RuleProperties[]): string[] {
  const out = new Set<string>();
  const walk = (c: any) => {
    if (!c || typeof c !== 'object') return;
    for (const g of ['all', 'any']) if (Array.isArray(c[g])) c[g].forEach(walk);
    if (c.not) walk(c.not);
    if (typeof c.fact === 'string') out.add(c.fact);
    if (c.value && typeof c.value === 'object' && typeof c.value.fact === 'string') out.add(c.value.fact);
  };
  for (const r of rules) walk(r.conditions);
  return [...out].sort();
}
