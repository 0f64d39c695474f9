/**
 * Access tokens are short-lived HS256 JWTs checked without a database round trip; refresh
 * tokens are random, stored hashed, rotated on every use and revoked on logout and password
 * change. A refresh token used twice revokes every session of that user (theft detection).
 */
import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import { QueryTypes, type Sequelize } from 'sequelize';
import { v7 as uuidv7 } from 'uuid';
import { Unauthorized } from '../http/errors.js';
import type { AuthUser } from '../http/context.js';

export interface TokenClaims {
  sub: string;
  email: string;
  name: string;
  roles: string[];
  tv: number;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export class TokenService {
  /**
   * A KeyObject, not the string: given a string, jsonwebtoken first tries it as a PEM public
   * key on every call, and that failed parse cost about half a millisecond per request.
   */
  private key: crypto.KeyObject;
  /**
   * Tokens whose signature was checked, until they expire: a client sends the same token with
   * every request for its lifetime. Whether the user is still active is asked on every request
   * all the same (the user-status cache), so a deactivation is not delayed by this.
   */
  private verified = new Map<string, Readonly<TokenClaims & { exp: number }>>();

  constructor(
    private sequelize: Sequelize,
    secret: string,
    private accessTtl: number,
    private refreshTtl: number,
  ) {
    this.key = crypto.createSecretKey(Buffer.from(secret, 'utf8'));
  }

  signAccess(user: AuthUser & { tokenVersion: number }): string {
    const claims: TokenClaims = { sub: user.id, email: user.email, name: user.name, roles: user.roles, tv: user.tokenVersion };
    return jwt.sign(claims, this.key, { algorithm: 'HS256', expiresIn: this.accessTtl });
  }

  /** Only HS256 is accepted: `alg: none` and other algorithms are refused. */
  verifyAccess(token: string): TokenClaims {
    const known = this.verified.get(token);
    if (known && known.exp * 1000 > Date.now()) return known;
    if (known) this.verified.delete(token);
    try {
      const claims = jwt.verify(token, this.key, { algorithms: ['HS256'] }) as TokenClaims & { exp: number };
      if (typeof claims.sub !== 'string' || !Array.isArray(claims.roles) || typeof claims.exp !== 'number') throw new Error('malformed');
      if (this.verified.size >= 10_000) this.verified.clear();
      this.verified.set(token, Object.freeze({ ...claims, roles: Object.freeze([...claims.roles]) as string[] }));
      return claims;
    } catch (err) {
      const expired = (err as Error).name === 'TokenExpiredError';
      throw new Unauthorized(expired ? 'Your session has expired' : 'The access token is not valid');
    }
  }

  async issueRefresh(userId: string, meta: { ip?: string; userAgent?: string } = {}): Promise<string> {
    const id = uuidv7();
    const secret = crypto.randomBytes(32).toString('base64url');
    await this.sequelize.query(
      `INSERT INTO refresh_tokens (id, user_id, token_hash, expires_at, ip, user_agent)
       VALUES (:id, :userId, :hash, now() + make_interval(secs => :ttl), :ip, :ua)`,
      { replacements: { id, userId, hash: sha256(secret), ttl: this.refreshTtl, ip: meta.ip ?? null, ua: meta.userAgent?.slice(0, 300) ?? null } },
    );
    return `${id}.${secret}`;
  }

  /**
   * Checks and revokes a refresh token, returning its user; the caller issues the next one.
   * A token already used comes back as `reused`: the caller revokes every session and commits
   * that before refusing.
   */
  async consumeRefresh(token: unknown): Promise<{ userId: string; tokenId: string; reused: boolean }> {
    const [id, secret] = typeof token === 'string' ? token.split('.') : [];
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw new Unauthorized('The refresh token is not valid');
    const [row] = await this.sequelize.query<{ user_id: string; token_hash: string; expired: boolean; revoked_at: Date | null }>(
      `SELECT user_id, token_hash, expires_at < now() AS expired, revoked_at FROM refresh_tokens WHERE id = :id FOR UPDATE`,
      { type: QueryTypes.SELECT, replacements: { id } },
    );
    if (!row || !crypto.timingSafeEqual(Buffer.from(row.token_hash), Buffer.from(sha256(secret)))) {
      throw new Unauthorized('The refresh token is not valid');
    }
    if (row.revoked_at) return { userId: row.user_id, tokenId: id, reused: true };
    if (row.expired) throw new Unauthorized('Your session has expired; sign in again');
    await this.sequelize.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE id = :id`, { replacements: { id } });
    return { userId: row.user_id, tokenId: id, reused: false };
  }

  async revoke(token: unknown): Promise<void> {
    const [id] = typeof token === 'string' ? token.split('.') : [];
    if (!id || !/^[0-9a-f-]{36}$/.test(id)) return;
    await this.sequelize.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL`, { replacements: { id } });
  }

  async revokeAll(userId: string): Promise<void> {
    await this.sequelize.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL`, {
      replacements: { userId },
    });
  }
}
