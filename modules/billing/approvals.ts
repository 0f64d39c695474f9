/**
 * Voids and till differences are decided through the approvals service: the cashier asks (with
 * the reason), the chain of deciders approves or refuses in their inbox, and the record moves
 * in the decider's transaction.
 */
import type { ModuleContext } from '../../server/host/types.js';
import type { ApprovalApi, ApprovalHookContext } from '../../server/workflows/approvals.js';
import { Conflict } from '../../server/http/errors.js';
import type { Row } from '../../server/http/resource.js';
import { invoicingOf } from './service.js';

export function registerBillingApprovals(moduleCtx: ModuleContext) {
  const { models, services } = moduleCtx;
  const { Invoice, CashSession } = models;
  const invoicing = invoicingOf(moduleCtx);
  const approvals = services.get<ApprovalApi>('approvals');
  const decider = (h: ApprovalHookContext) => h.ctx?.user?.id ?? null;

  approvals.register({
    resource: 'invoices',
    label: 'Invoice void',
    async onApproved(h) {
      const invoice = await Invoice.findByPk(h.approval.recordId, { lock: true });
      if (!invoice) return;
      const row = invoice.get({ plain: true }) as Row;
      // What was true when the void was asked may have changed while it waited in the inbox.
      await invoicing.checkVoid(row, 'void', h.ctx);
      if (row.patientPaid > 0 || row.insurerPaid > 0) {
        throw new Conflict(`Invoice ${row.number} has received payments since the void was asked: refund them, or reject the void`, { patientPaid: row.patientPaid, insurerPaid: row.insurerPaid });
      }
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
