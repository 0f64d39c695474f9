/**
 * An answer overdue escalates (the `referrals.escalate-overdue` job, every 15 minutes): the
 * referral is marked escalated once, the medical administrators and the referring physician
 * are notified, and `referral.overdue` is emitted for other modules and rules.
 */
import { Op } from 'sequelize';
import type { ModuleContext } from '../../server/host/types.js';
import type { Row } from '../../server/http/resource.js';
import type { NotificationApi } from '../../server/workflows/notifications.js';

export const ESCALATE_JOB = 'referrals.escalate-overdue';
export const OVERDUE_EVENT = 'referral.overdue';

export async function escalateOverdueReferrals({ models, sequelize, services }: ModuleContext): Promise<{ escalated: string[] }> {
  const { Referral, Facility } = models;
  const escalated: string[] = [];
  const due = (await Referral.findAll({
    where: { status: 'sent', escalatedAt: null, answerDueAt: { [Op.lt]: new Date() } },
    attributes: ['id'],
    order: [['answerDueAt', 'ASC']],
    limit: 500,
    raw: true,
  })) as Row[];
  for (const { id } of due) {
    await sequelize.transaction(async () => {
      // Another worker may have taken it, or an answer arrived since: re-check under the lock.
      const referral = await Referral.findOne({ where: { id, status: 'sent', escalatedAt: null }, lock: true, skipLocked: true });
      if (!referral) return;
      await referral.update({ escalatedAt: new Date() });
      const r = referral.get({ plain: true }) as Row;
      await services.audit.record(undefined, { action: 'escalate', resource: 'referrals', recordId: id, before: { escalatedAt: null }, after: { escalatedAt: r.escalatedAt, answerDueAt: r.answerDueAt } });
      const destination = (await Facility.findByPk(r.destinationId, { attributes: ['code', 'name'], raw: true })) as Row | null;
      const facts = { referralId: id, number: r.number, specialty: r.specialty, urgency: r.urgency, destination: destination?.code ?? null, sentAt: r.sentAt, answerDueAt: r.answerDueAt };
      await services.events.emit(OVERDUE_EVENT, facts);
      if (services.provided.has('notifications')) {
        await services.get<NotificationApi>('notifications').send({
          template: 'referrals/referral-overdue',
          to: { roles: ['medical_admin'], userIds: [r.referredBy] },
          data: { ...facts, destination: destination?.name ?? 'the destination' },
          resource: 'referrals',
          recordId: id,
        });
      }
      escalated.push(id);
    });
  }
  return { escalated };
}
