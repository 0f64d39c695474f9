import type { EventBus } from '../events/event-bus.js';

/**
 * Facts a rule set may test: those its event declares plus those its shipped default listed.
 * `null` when nothing is known about the event (facts then go unchecked).
 */
export function knownFacts(events: EventBus, ruleSet: { event: string; facts?: string[] | null }): string[] | null {
  const all = new Set([...(events.declared.get(ruleSet.event)?.facts ?? []), ...(ruleSet.facts ?? [])]);
  return all.size ? [...all].sort() : null;
}
