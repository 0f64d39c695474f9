/**
 * Domain events (`patient.registered`, `lab-result.critical`, ...) with their facts. Handlers
 * run in the emitter's transaction (CLS), so what they write commits or rolls back with it.
 */
import type { RequestContext } from '../http/context.js';

export type EventHandler = (facts: Record<string, unknown>, ctx?: RequestContext) => Promise<void> | void;

export interface EventDeclaration {
  name: string;
  /** Fact names the event provides (rule sets may only use these). */
  facts: string[];
  description?: string;
}

export class EventBus {
  private handlers = new Map<string, EventHandler[]>();
  readonly declared = new Map<string, EventDeclaration>();

  declare(decl: EventDeclaration) {
    this.declared.set(decl.name, decl);
  }

  on(event: string, handler: EventHandler) {
    const list = this.handlers.get(event) ?? [];
    list.push(handler);
    this.handlers.set(event, list);
  }

  async emit(event: string, facts: Record<string, unknown>, ctx?: RequestContext) {
    for (const h of [...(this.handlers.get(event) ?? []), ...(this.handlers.get('*') ?? [])]) {
      await h({ ...facts, event }, ctx);
    }
  }
}
