/**
 * Referrals are approvable (`approval.required` in the routing rules): the last approval sends
 * the referral, a refusal returns it to the physician as a draft with the approver's comment.
 * Both run in the approver's transaction, with an audit row on the referral.
 */
import type { ModuleContext } from '../../server/host/types.js';
import { diff } from '../../server/audit/audit.js';
import type { Row } from '../../server/http/resource.js';
import type { ApprovalApi, ApprovalHookContext } from '../../server/workflows/approvals.js';
import { sentFields } from './sent-fields.js';

export function registerReferralApprovals({ services, models }: ModuleContext) {
  if (!services.provided.has('approvals')) return;
  const move = (action: string, change: (referral: Row, approval: Row) => Row) => async ({ ctx, approval }: ApprovalHookContext) => {
    const referral = await models.Referral.findByPk(approval.recordId, { lock: true });
    if (!referral || referral.get('status') !== 'pending_approval') return;
    const before = { ...(referral.get({ plain: true }) as Row) };
    await referral.update({ ...change(before, approval), updatedBy: ctx?.user?.id ?? null });
    await services.audit.record(ctx, { action, resource: 'referrals', recordId: before.id, ...diff(before, referral.get({ plain: true }) as Row) });
  };
  services.get<ApprovalApi>('approvals').register({
    resource: 'referrals',
    label: 'Referrals',
    onApproved: move('approved', (r) => ({ status: 'sent', ...sentFields(r.respondMin ?? null) })),
    onRejected: move('approval-refused', (_r, a) => ({ status: 'draft', approvalComment: a.comment ?? 'Refused without a comment' })),
  });
}
