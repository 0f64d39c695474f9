/**
 * Whether a token's user is still active and the token still current, kept in memory so a
 * request costs no database round trip. A change (deactivation, new roles, new password)
 * bumps the user's token_version; the process that made it forgets its entry at once and
 * tells the other processes through Redis; without Redis entries expire after a few seconds.
 */
import type { Redis } from 'ioredis';
import { QueryTypes, type Sequelize } from 'sequelize';


export class UserStatusCache {
  private entries = new Map<string, { active: boolean; tv: number; at: number }>();
  private subscriber: Redis | null = null;

  constructor(
    private sequelize: Sequelize,
    private redis: Redis | null,
    private channel: string,
    private ttlMs = 5_000,
  ) {}

  async start() {
    if (!this.redis) return;
    this.subscriber = this.redis.duplicate();
    await this.subscriber.subscribe(this.channel);
    this.subscriber.on('message', (_channel, userId: string) => this.entries.delete(userId));
  }

  async stop() {
    await this.subscriber?.quit();
  }

  async isCurrent(userId: string, tokenVersion: number): Promise<boolean> {
    let e = this.entries.get(userId);
    if (!e || Date.now() - e.at > this.ttlMs) {
      const [row] = await this.sequelize.query<{ active: boolean; token_version: number }>(
        `SELECT active, token_version FROM users WHERE id = :userId`,
        { type: QueryTypes.SELECT, replacements: { userId } },
      );
      e = { active: !!row?.active, tv: row?.token_version ?? -1, at: Date.now() };
      this.entries.set(userId, e);
    }
    return e.active && e.tv === tokenVersion;
  }

  async invalidate(userId: string) {
    this.entries.delete(userId);
    await this.redis?.publish(this.channel, userId);
  }
}
