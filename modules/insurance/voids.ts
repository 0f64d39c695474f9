/**
 * Claims follow the voids of their invoices (billing calls this hook, it does not know claims):
 *
 * - An invoice on a claim that is no longer a draft (submitted, adjudicated, paid, rejected) is
 *   part of what the insurer received: its void is refused, when asked and again when approved,
 *   with a 409 naming the claim.
 * - An invoice on a draft claim may be voided: the draft is the clerk's working batch, not yet
 *   sent, and a voided invoice must not be claimed. When the void is approved its lines leave
 *   the draft in the same transaction and the draft's total follows (with an audit row on the
 *   claim). Asking for the void changes nothing yet: the void may still be refused. Meanwhile
 *   the draft cannot be submitted (see the claim's submit action).
 */
import { QueryTypes } from 'sequelize';
import type { ModuleContext } from '../../server/host/types.js';
import { Conflict } from '../../server/http/errors.js';
import type { VoidHook } from '../billing/service.js';

interface ClaimRef {
  id: string;
  number: string;
  status: string;
}

export function claimsFollowVoids({ sequelize, models, services }: ModuleContext): VoidHook {
  const { InsuranceClaim, InsuranceClaimLine } = models;
  return async ({ invoice, stage, ctx }) => {
    // Locked: a submit of the same claim waits for this transaction (and then sees the void).
    const claims = await sequelize.query<ClaimRef>(
      `SELECT id, number, status FROM insurance_claims
        WHERE id IN (SELECT claim_id FROM insurance_claim_lines WHERE invoice_id = :invoiceId)
        ORDER BY number FOR UPDATE`,
      { type: QueryTypes.SELECT, replacements: { invoiceId: invoice.id } },
    );
    const sent = claims.filter((c) => c.status !== 'draft');
    if (sent.length) {
      const names = sent.map((c) => `${c.number} (${c.status})`).join(', ');
      throw new Conflict(
        `Invoice ${invoice.number} is on insurance claim ${names}: a claim sent to the insurer keeps its invoices, so the invoice cannot be voided`,
        { claims: sent },
        { invoice: `on claim ${names}` },
      );
    }
    if (stage !== 'void') return;
    for (const c of claims) {
      const claim = (await InsuranceClaim.findByPk(c.id))!;
      const removed = (await InsuranceClaimLine.findAll({ where: { claimId: c.id, invoiceId: invoice.id }, attributes: ['id', 'amountClaimed'], raw: true })) as unknown as { id: string; amountClaimed: number }[];
      await InsuranceClaimLine.destroy({ where: { claimId: c.id, invoiceId: invoice.id } });
      const before = { claimedTotal: claim.get('claimedTotal') as number };
      const claimedTotal = ((await InsuranceClaimLine.sum('amountClaimed', { where: { claimId: c.id } })) as number | null) ?? 0;
      await claim.update({ claimedTotal, updatedBy: ctx?.user?.id ?? null });
      await services.audit.record(ctx, {
        action: 'remove-voided-invoice',
        resource: 'insurance-claims',
        recordId: c.id,
        before: { ...before, lineIds: removed.map((l) => l.id) },
        after: { claimedTotal, invoiceId: invoice.id, invoiceNumber: invoice.number, linesRemoved: removed.length },
      });
    }
  };
}
