/**
 * Voids and till differences are decided through the approvals service: the cashier asks (with
 * the reason), the chain of deciders approves or refuses in their inbox, and the record moves
 * in the decider's transaction.
 */
import type { ModuleContext } from '../../server/host/types.js';
import type { ApprovalApi, ApprovalHookContext } from '../../server/workflows/approvals.js';

export function registerBillingApprovals({ models, services }: ModuleContext) {
  const { Invoice, CashSession } = models;
  const approvals = services.get<ApprovalApi>('approvals');
  const decider = (h: ApprovalHookContext) => h.ctx?.user?.id ?? null;

  approvals.register({
    resource: 'invoices',
    label: 'Invoice void',
    async onApproved(h) {
      const invoice = await Invoice.findByPk(h.approval.recordId, { lock: true });
      if (!invoice) return;
      await invoice.update({ status: 'void', voidedAt: new Date(), voidedBy: decider(h) ?? invoice.get('voidRequestedBy'), voidReason: invoice.get('voidRequestReason'), updatedBy: decider(h) });
    },
    async onRejected(h) {
      await Invoice.update({ voidRequestedAt: null, voidRequestedBy: null, voidRequestReason: null, updatedBy: decider(h) }, { where: { id: h.approval.recordId } });
    },
  });

  approvals.register({
    resource: 'cash-sessions',
    label: 'Cash difference',
    async onApproved(h) {
      await CashSession.update(
        { status: 'closed', approvedBy: decider(h), approvedAt: new Date(), approvalNote: h.approval.comment ?? null, updatedBy: decider(h) },
        { where: { id: h.approval.recordId, status: 'pending-approval' } },
      );
    },
    async onRejected(h) {
      await CashSession.update({ status: 'difference-refused', approvalNote: h.approval.comment ?? null, updatedBy: decider(h) }, { where: { id: h.approval.recordId, status: 'pending-approval' } });
    },
  });
}
