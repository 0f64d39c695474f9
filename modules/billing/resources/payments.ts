import { Op } from 'sequelize';
import type { Model } from 'sequelize';
import type { ModuleContext } from '../../../server/host/types.js';
import type { HandlerContext, ResourceDefinition, Row } from '../../../server/http/resource.js';
import { plain } from '../../../server/http/resource.js';
import { Conflict, Invalid } from '../../../server/http/errors.js';
import type { Invoicing } from '../invoicing.js';
import { nextReceiptNumber } from '../receipts.js';
import { paymentSchema, refundSchema } from '../validation.js';
import { contains } from '../../../server/http/query.js';

/** Payments and refunds: append-only rows with an unbroken receipt sequence. */
export function paymentResource({ models, sequelize, services }: ModuleContext, invoicing: Invoicing): ResourceDefinition {
  const { Invoice, Payment, CashSession } = models;

  const lockInvoice = async (id: string) => {
    const invoice = await Invoice.findByPk(id, { lock: true });
    if (!invoice) throw new Invalid('No such invoice', { invoiceId: 'no invoice with this id' });
    return invoice.get({ plain: true }) as Row;
  };

  /** Cash goes into the cashier's open till; other methods are linked to it when one is open. */
  const sessionFor = async (ctx: HandlerContext, method: string) => {
    const session = await CashSession.findOne({ where: { cashierId: ctx.user.id, status: 'open' }, lock: true });
    if (!session && method === 'cash') throw new Conflict('Open a cash session before taking or returning cash', {}, { method: 'no open cash session' });
    return (session?.get('id') as string | undefined) ?? null;
  };

  return {
    name: 'payments',
    label: 'Payments',
    model: Payment,
    createSchema: paymentSchema,
    sortable: ['receiptNumber', 'receivedAt', 'amount', 'method', 'createdAt'],
    defaultSort: ['receivedAt', 'DESC'],
    filters: { invoiceId: 'eq', patientId: 'eq', method: 'eq', kind: 'eq', cashSessionId: 'eq', receivedBy: 'eq', receivedAt: 'range' },
    search: (q) => ({ [Op.or]: [{ receiptNumber: contains(q) }, { reference: q }] }),
    operations: { update: false, delete: false },
    async beforeCreate(ctx, data) {
      const invoice = await lockInvoice(data.invoiceId);
      if (!['issued', 'partially-paid'].includes(invoice.status)) {
        const why = invoice.status === 'draft' ? 'issue it first' : invoice.status === 'paid' ? 'it is already paid' : 'it is void';
        throw new Conflict(`Invoice ${invoice.number} cannot take a payment: ${why}`, { status: invoice.status });
      }
      const balance = invoice.patientShare - invoice.patientPaid;
      if (data.amount > balance) {
        throw new Conflict(`The patient owes ${balance} on invoice ${invoice.number}; a payment of ${data.amount} would overpay it`, { balance }, { amount: `at most ${balance}` });
      }
      const cashSessionId = await sessionFor(ctx, data.method);
      return { ...data, kind: 'payment', patientId: invoice.patientId, cashSessionId, receivedBy: ctx.user.id, receiptNumber: await nextReceiptNumber(sequelize) };
    },
    async afterCreate(_ctx, record) {
      await invoicing.addPatientPayment(record.get('invoiceId') as string, record.get('amount') as number);
    },
    document: {
      template: 'billing/receipt',
      title: (row) => `receipt-${row.receiptNumber}`,
      async data(_ctx, row) {
        const invoice = (await Invoice.findByPk(row.invoiceId, { raw: true })) as Row;
        return { payment: { ...row, amount: Math.abs(row.amount) }, invoice: { ...invoice, balance: invoice.patientShare - invoice.patientPaid } };
      },
    },
    actions: [
      {
        name: 'refund',
        summary: 'Give money back on a payment: a new negative payment with its own receipt and the reason',
        schema: refundSchema,
        async handler(ctx, { record, body }) {
          const original = record!.get({ plain: true }) as Row;
          if (original.kind !== 'payment') throw new Conflict('Only a payment can be refunded');
          const invoice = await lockInvoice(original.invoiceId);
          const refunded = -((await Payment.sum('amount', { where: { refundOf: original.id } })) ?? 0);
          if (body.amount > original.amount - refunded) {
            throw new Conflict(`At most ${original.amount - refunded} of this payment can still be refunded`, { refundable: original.amount - refunded }, { amount: `at most ${original.amount - refunded}` });
          }
          const method = body.method ?? original.method;
          const refund = (await Payment.create({
            kind: 'refund',
            amount: -body.amount,
            method,
            reason: body.reason,
            refundOf: original.id,
            invoiceId: invoice.id,
            patientId: invoice.patientId,
            cashSessionId: await sessionFor(ctx, method),
            receivedBy: ctx.user.id,
            receiptNumber: await nextReceiptNumber(sequelize),
            createdBy: ctx.user.id,
            updatedBy: ctx.user.id,
          })) as Model;
          await invoicing.addPatientPayment(invoice.id, -body.amount);
          await services.audit.record(ctx, { action: 'create', resource: 'payments', recordId: String(refund.get('id')), after: plain(refund) });
          return refund;
        },
      },
    ],
  };
}
