/**
 * Notifications: rendered from a template, stored in the `notifications` outbox (one row per
 * recipient, in the caller's transaction) and, when MAIL_HOST is set, e-mailed by the
 * `notifications.deliver` job once that transaction has committed. Users read their own rows.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { Op, type Model, type ModelStatic } from 'sequelize';
import type { Config } from '../../config/index.js';
import { afterCommit } from '../events/after-commit.js';
import type { JobService } from '../jobs/jobs.js';
import type { NotificationTemplates } from './notification-templates.js';

/** User ids, role names and e-mail addresses, in any mix. */
export type Recipients = string | string[] | { userIds?: string[]; roles?: string[]; emails?: string[] };

export interface SendInput {
  template: string;
  to: Recipients;
  data?: Record<string, unknown>;
  /** The record it is about, for links and filtering. */
  resource?: string;
  recordId?: string;
}

/** A message a module wrote itself (plain text), e.g. a reminder to a patient's e-mail. */
export interface TextMessage {
  to?: Recipients;
  /** One e-mail address (same as `to: [email]`). */
  email?: string;
  subject: string;
  /** Plain text; escaped, line breaks kept. */
  body: string;
  source?: { resource: string; id: string };
}

export interface NotificationApi {
  send(input: SendInput | TextMessage): Promise<{ id: string; userId: string | null; email: string | null }[]>;
}

const isText = (m: SendInput | TextMessage): m is TextMessage => !('template' in m) && typeof (m as TextMessage).subject === 'string';

export const DELIVER_JOB = 'notifications.deliver';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function splitRecipients(to: Recipients) {
  if (typeof to === 'object' && !Array.isArray(to)) return { userIds: to.userIds ?? [], roles: to.roles ?? [], emails: to.emails ?? [] };
  const list = Array.isArray(to) ? to : [to];
  return {
    userIds: list.filter((s) => UUID.test(s)),
    emails: list.filter((s) => s.includes('@')),
    roles: list.filter((s) => !UUID.test(s) && !s.includes('@')),
  };
}

export class NotificationService implements NotificationApi {
  private transport: Transporter | null = null;

  constructor(
    private deps: {
      config: Readonly<Config>;
      Notification: ModelStatic<Model>;
      User: ModelStatic<Model>;
      templates: NotificationTemplates;
      jobs: () => JobService;
      knownRoles: () => string[];
    },
  ) {}

  get mailEnabled() {
    return Boolean(this.deps.config.mail.host);
  }

  async send(message: SendInput | TextMessage) {
    const { Notification, User } = this.deps;
    const input: SendInput = isText(message)
      ? { template: 'text', to: [...(message.email ? [message.email] : []), ...Object.values(splitRecipients(message.to ?? [])).flat()], resource: message.source?.resource, recordId: message.source?.id }
      : message;
    const { userIds, roles, emails } = splitRecipients(input.to);
    const unknownRoles = roles.filter((r) => !this.deps.knownRoles().includes(r));
    if (unknownRoles.length) throw new Error(`Cannot notify unknown role(s) ${unknownRoles.join(', ')}`);
    if (!userIds.length && !roles.length && !emails.length) return [];
    const users = (await User.findAll({
      where: {
        active: true,
        [Op.or]: [
          ...(userIds.length ? [{ id: userIds }] : []),
          ...(roles.length ? [{ roles: { [Op.overlap]: roles } }] : []),
          ...(emails.length ? [{ email: emails.map((e) => e.toLowerCase()) }] : []),
        ],
      },
      attributes: ['id', 'email', 'name'],
      raw: true,
    })) as unknown as { id: string; email: string; name: string }[];
    const known = new Set(users.map((u) => u.email));
    const outsiders = emails.map((e) => e.toLowerCase()).filter((e) => !known.has(e));
    const status = this.mailEnabled ? 'queued' : 'stored';
    const rows = [];
    for (const r of [...users.map((u) => ({ userId: u.id, email: u.email, name: u.name })), ...outsiders.map((email) => ({ userId: null, email, name: email }))]) {
      const { subject, html } = isText(message) ? this.deps.templates.renderText(message.subject, message.body) : this.deps.templates.render(input.template, { ...input.data, recipient: r.name });
      const row = await Notification.create({ userId: r.userId, email: r.email, template: input.template, subject, body: html, resource: input.resource, recordId: input.recordId, status });
      rows.push({ id: row.get('id') as string, userId: r.userId, email: r.email });
    }
    if (this.mailEnabled && rows.length) {
      const ids = rows.map((r) => r.id);
      afterCommit(() => this.deps.jobs().enqueue(DELIVER_JOB, { ids }));
    }
    return rows;
  }

  /** The job: e-mails each queued notification; a failure is retried by the job runner. */
  async deliver({ ids }: { ids: string[] }) {
    const { Notification, config } = this.deps;
    this.transport ??= nodemailer.createTransport({
      host: config.mail.host,
      port: config.mail.port,
      secure: config.mail.secure,
      ...(config.mail.user ? { auth: { user: config.mail.user, pass: config.mail.password } } : {}),
    });
    const failures: string[] = [];
    for (const n of await Notification.findAll({ where: { id: ids, status: ['queued', 'failed'] } })) {
      try {
        await this.transport.sendMail({ from: config.mail.from, to: n.get('email') as string, subject: n.get('subject') as string, html: n.get('body') as string });
        await n.update({ status: 'sent', sentAt: new Date(), error: null });
      } catch (err) {
        await n.update({ status: 'failed', error: (err as Error).message.slice(0, 500) });
        failures.push(`${n.get('email')}: ${(err as Error).message}`);
      }
    }
    if (failures.length) throw new Error(`Could not send ${failures.length} e-mail(s): ${failures.join('; ')}`);
    return { sent: ids.length };
  }
}
