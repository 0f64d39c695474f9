/**
 * Decision types: what a rule's `event` may say. Each type has a params schema (checked when a
 * rule set is saved, so a bad decision never reaches run time) and optionally a handler that
 * turns the decision into data or side effects for one record. Modules add their own types
 * with `services.get<DecisionRegistry>('decisions').register({...})` in `bootstrap`.
 */
import type { z } from 'zod';
import type { RequestContext } from '../http/context.js';
import type { Decision } from './rules.js';

export interface DecisionTarget {
  /** The record the decision is about (an approval needs both). */
  resource?: string;
  recordId?: string;
  /** Short text shown in the approvals inbox and notifications. */
  summary?: string;
  facts: Record<string, unknown>;
  ctx?: RequestContext;
}

export interface DecisionType<P = any> {
  type: string;
  description: string;
  /** Built lazily: a schema may depend on the roles and grants known at boot. */
  params(): z.ZodType<P>;
  /** Applies the decision inside the caller's transaction; its return value is the outcome. */
  apply?(params: P, target: DecisionTarget, decision: Decision): Promise<unknown> | unknown;
}

export interface AppliedDecision extends Decision {
  result: unknown;
}

export class DecisionRegistry {
  private types = new Map<string, DecisionType>();

  register<P>(t: DecisionType<P>) {
    if (this.types.has(t.type)) throw new Error(`Decision type "${t.type}" is registered twice`);
    this.types.set(t.type, t as DecisionType);
  }

  has(type: string) {
    return this.types.has(type);
  }

  get(type: string) {
    return this.types.get(type);
  }

  list() {
    return [...this.types.values()].map(({ type, description }) => ({ type, description }));
  }

  /** Runs the handler of each decision, in order, and returns what each produced. */
  async apply(decisions: Decision[], target: DecisionTarget): Promise<AppliedDecision[]> {
    const out: AppliedDecision[] = [];
    for (const d of decisions) {
      const t = this.types.get(d.type);
      if (!t) throw new Error(`No handler for decision type "${d.type}" (rule set ${d.ruleSet})`);
      const params = t.params().parse(d.params);
      out.push({ ...d, params: params as Record<string, unknown>, result: t.apply ? await t.apply(params, target, d) : params });
    }
    return out;
  }
}
