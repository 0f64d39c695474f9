import { QueryTypes } from 'sequelize';
import type { ModuleContext } from '../../server/host/types.js';
import { Conflict } from '../../server/http/errors.js';
import type { CoverageResolver } from './coverage.js';
import { Invoicing, type VoidHook } from './invoicing.js';

export type { VoidCheck, VoidHook, VoidStage } from './invoicing.js';

/** What billing offers the modules that depend on it (`services.get<BillingService>('billing')`). */
export interface BillingService {
  /** The insurance module plugs in the coverage terms; until then everyone pays in full. */
  useCoverage(resolver: CoverageResolver): void;
  /** An insurer's remittance against an invoice, inside the caller's transaction. */
  recordInsurerPayment(invoiceId: string, amount: number): Promise<void>;
  /**
   * A module that keeps invoices in its own records (insurance claims) hears of voids: the hook
   * runs in the transaction of the void request (`stage: 'request'`) and of the approval that
   * voids the invoice (`stage: 'void'`), with the invoice locked. Throwing a Conflict refuses
   * (the request or the decision rolls back, 409); otherwise the hook updates its own tables.
   */
  onVoid(hook: VoidHook): void;
}

const invoicings = new WeakMap<ModuleContext, Invoicing>();

/** One Invoicing per booted host: resources (built first) and bootstrap share it. */
export function invoicingOf(ctx: ModuleContext): Invoicing {
  let i = invoicings.get(ctx);
  if (!i) invoicings.set(ctx, (i = new Invoicing(ctx)));
  return i;
}

export function billingService(ctx: ModuleContext): BillingService {
  const invoicing = invoicingOf(ctx);
  return {
    useCoverage: (resolver) => invoicing.useCoverage(resolver),
    onVoid: (hook) => invoicing.onVoid(hook),
    async recordInsurerPayment(invoiceId, amount) {
      const [row] = await ctx.sequelize.query<{ insurerShare: number; insurerPaid: number; number: string }>(
        `SELECT insurer_share AS "insurerShare", insurer_paid AS "insurerPaid", number FROM invoices WHERE id = :id FOR UPDATE`,
        { type: QueryTypes.SELECT, replacements: { id: invoiceId } },
      );
      if (!row) throw new Conflict(`No invoice ${invoiceId}`);
      if (row.insurerPaid + amount > row.insurerShare) throw new Conflict(`Invoice ${row.number}: the insurer would pay more than its share`);
      await ctx.sequelize.query(`UPDATE invoices SET insurer_paid = insurer_paid + :amount, updated_at = now(), version = version + 1 WHERE id = :id`, {
        type: QueryTypes.UPDATE,
        replacements: { id: invoiceId, amount },
      });
    },
  };
}
