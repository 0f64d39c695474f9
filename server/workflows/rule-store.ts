/**
 * The rules runner over the rule store: `decide` runs the active version of every rule set
 * listening to the event. Active versions are cached per process; a change is announced on a
 * Redis channel (when Redis is configured) so every web and worker process drops its cache at
 * once, and a short TTL bounds staleness if a message is ever missed.
 */
import type { Redis } from 'ioredis';
import { QueryTypes, type Sequelize } from 'sequelize';
import type { Engine, RuleProperties } from 'json-rules-engine';
import { afterCommit } from '../events/after-commit.js';
import { ruleEngine, runRuleSet, type Decision, type RuleSetDefinition, type RulesService } from './rules.js';

interface ActiveSet {
  key: string;
  event: string;
  rules: RuleProperties[];
  /** Built once per load: building an engine costs more than running it. */
  engine?: Engine;
}

export class StoredRulesService implements RulesService {
  private cache: Map<string, ActiveSet[]> | null = null;
  private loadedAt = 0;
  private generation = 0;
  private subscriber: Redis | null = null;
  private readonly channel: string;

  constructor(
    private sequelize: Sequelize,
    private redis: Redis | null,
    redisPrefix: string,
    /** Shipped rule sets (rules/, modules/*\/rules/): loaded into the store on first boot only. */
    readonly defaults: RuleSetDefinition[],
    private ttlMs = 10_000,
  ) {
    this.channel = `${redisPrefix}workflow-rules:changed`;
  }

  /** Listens for changes made by other processes. */
  async start() {
    if (!this.redis || this.subscriber) return;
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', () => this.forget());
    await this.subscriber.subscribe(this.channel);
  }

  async close() {
    const s = this.subscriber;
    this.subscriber = null;
    await s?.quit().catch(() => undefined);
  }

  async decide(event: string, facts: Record<string, unknown>): Promise<Decision[]> {
    const out: Decision[] = [];
    for (const set of (await this.active()).get(event) ?? []) out.push(...(await runRuleSet(set, facts)));
    return out;
  }

  /** Call inside the transaction that changed a rule set: caches everywhere drop once it commits. */
  changed() {
    afterCommit(async () => {
      this.forget();
      await this.redis?.publish(this.channel, String(Date.now()));
    });
  }

  private forget() {
    this.generation++;
    this.cache = null;
  }

  private async active(): Promise<Map<string, ActiveSet[]>> {
    if (this.cache && Date.now() - this.loadedAt < this.ttlMs) return this.cache;
    const generation = this.generation;
    const rows = await this.sequelize.query<ActiveSet>(
      `SELECT r.key, r.event, v.rules FROM workflow_rules r JOIN workflow_rule_versions v ON v.id = r.active_version_id ORDER BY r.key`,
      { type: QueryTypes.SELECT },
    );
    const byEvent = new Map<string, ActiveSet[]>();
    for (const row of rows) byEvent.set(row.event, [...(byEvent.get(row.event) ?? []), { ...row, engine: ruleEngine(row.rules) }]);
    // A change announced while we were reading may not be in what we read: do not keep it.
    if (generation === this.generation) {
      this.cache = byEvent;
      this.loadedAt = Date.now();
    }
    return byEvent;
  }
}
