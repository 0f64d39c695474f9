/**
 * Billing and the cashier: the tariff, invoices built per visit from the charges other modules
 * emit, patient and insurer shares, payments and refunds with an unbroken receipt sequence,
 * cash sessions, and the revenue and receivables KPIs. Insurance plugs its coverage terms in.
 */
import { defineModule } from '../../server/host/types.js';
import { grants } from './grants.js';
import { kpis } from './kpis.js';
import { definePriceList } from './models/price-list.model.js';
import { defineInvoiceModels } from './models/invoice.model.js';
import { definePayment } from './models/payment.model.js';
import { defineCashSession } from './models/cash-session.model.js';
import { priceListResource } from './resources/price-lists.js';
import { invoiceResource } from './resources/invoices.js';
import { paymentResource } from './resources/payments.js';
import { cashSessionResource } from './resources/cash-sessions.js';
import { billingService, invoicingOf } from './service.js';
import { registerBillingApprovals } from './approvals.js';
import { seedTariff } from './seeds/base.js';
import { seedDemoBilling } from './seeds/demo.js';

export default defineModule({
  id: 'billing',
  version: '1.0.0',
  label: 'Billing and cashier',
  menu: 'Billing',
  dependsOn: ['patients', 'visits'],
  models: ({ sequelize }) => ({
    PriceList: definePriceList(sequelize),
    ...defineInvoiceModels(sequelize),
    Payment: definePayment(sequelize),
    CashSession: defineCashSession(sequelize),
  }),
  grants,
  resources: (ctx) => [priceListResource(ctx), invoiceResource(ctx, invoicingOf(ctx)), paymentResource(ctx, invoicingOf(ctx)), cashSessionResource(ctx)],
  kpis,
  seeds: { base: seedTariff, demo: (ctx) => seedDemoBilling(ctx) },
  async bootstrap(ctx) {
    const { events } = ctx.services;
    const invoicing = invoicingOf(ctx);
    events.declare({ name: 'cash-session.closing', facts: ['difference', 'absDifference', 'expectedCash', 'currency'], description: 'A cashier closes a till' });
    events.on('charge.created', (facts, reqCtx) => invoicing.addCharge(facts, reqCtx));
    events.on('charge.cancelled', (facts, reqCtx) => invoicing.cancelCharge(facts, reqCtx));
    ctx.services.provide('billing', billingService(ctx));
    registerBillingApprovals(ctx);
  },
});
