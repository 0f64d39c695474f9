import { QueryTypes } from 'sequelize';
import type { ModuleContext } from '../../server/host/types.js';
import { Conflict } from '../../server/http/errors.js';
import type { CoverageResolver } from './coverage.js';
import { Invoicing } from './invoicing.js';

/** What billing offers the modules that depend on it (`services.get<BillingService>('billing')`). */
export interface BillingService {
  /** The insurance module plugs in the coverage terms; until then everyone pays in full. */
  useCoverage(resolver: CoverageResolver): void;
  /** An insurer's remittance against an invoice, inside the caller's transaction. */
  recordInsurerPayment(invoiceId: string, amount: number): Promise<void>;
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
