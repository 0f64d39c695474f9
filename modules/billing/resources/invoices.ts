import { Sequelize, Op } from 'sequelize';
import type { ModuleContext } from '../../../server/host/types.js';
import type { HandlerContext, ResourceDefinition, Row } from '../../../server/http/resource.js';
import { Conflict, Invalid } from '../../../server/http/errors.js';
import { splitLine } from '../coverage.js';
import type { Invoicing } from '../invoicing.js';
import { priceFor } from '../tariff.js';
import { discountSchema, reasonSchema } from '../validation.js';
import type { ApprovalApi } from '../../../server/workflows/approvals.js';
import { likeEscape } from '../../../server/http/query.js';

/** Invoices are built from charges; people only issue, discount and (through an approval) void them. */
/** Who approves a void: the facility head. */
const VOID_CHAIN = ['facility_head'];

export function invoiceResource({ models, services }: ModuleContext, invoicing: Invoicing): ResourceDefinition {
  const { Invoice, InvoiceLine, Payment, PriceList } = models;

  const lines = (invoiceId: string) => InvoiceLine.findAll({ where: { invoiceId }, order: [['createdAt', 'ASC'], ['id', 'ASC']], raw: true }) as Promise<Row[]>;
  const withBalance = (row: Row) => ({ ...row, balance: row.patientShare - row.patientPaid, insurerBalance: row.insurerShare - row.insurerPaid });
  const requireStatus = (record: Row, statuses: string[], what: string) => {
    if (!statuses.includes(record.status)) throw new Conflict(`Invoice ${record.number} is ${record.status}: it cannot be ${what}`, { status: record.status });
  };

  /** Prices lines that waited for a tariff code; an invoice with a line still unpriced cannot be issued. */
  async function priceWaitingLines(invoice: Row) {
    const waiting = (await lines(invoice.id)).filter((l) => l.status === 'active' && !l.priced);
    const missing: string[] = [];
    for (const l of waiting) {
      const price = await priceFor(PriceList, l.priceCode, l.serviceDate, invoice.payerCode);
      if (!price) {
        missing.push(l.priceCode);
        continue;
      }
      const coverage = await invoicing.invoiceCoverage(invoice, l.serviceDate);
      await InvoiceLine.update(
        { unitPrice: price.unitPrice, description: price.description, priced: true, ...splitLine({ ...(l as any), unitPrice: price.unitPrice, discount: 0 }, coverage), discount: 0 },
        { where: { id: l.id } },
      );
    }
    if (missing.length) throw new Conflict(`Add these codes to the tariff before issuing: ${[...new Set(missing)].join(', ')}`, { unpricedCodes: [...new Set(missing)] });
  }

  return {
    name: 'invoices',
    label: 'Invoices',
    model: Invoice,
    sortable: ['number', 'status', 'createdAt', 'issuedAt', 'total', 'patientShare', 'updatedAt'],
    defaultSort: ['createdAt', 'DESC'],
    filters: { patientId: 'eq', visitId: 'eq', status: 'eq', payerCode: 'eq', issuedAt: 'range', createdAt: 'range' },
    search: (q) => Sequelize.where(Sequelize.literal(`lower(number || ' ' || coalesce(patient_mrn, '') || ' ' || coalesce(patient_name, ''))`), { [Op.like]: `%${likeEscape(q.toLowerCase())}%` }),
    operations: { create: false, update: false, delete: false },
    serialize: withBalance,
    async detail(_ctx, row) {
      const [invoiceLines, payments] = await Promise.all([
        lines(row.id),
        Payment.findAll({ where: { invoiceId: row.id }, order: [['receivedAt', 'ASC']], raw: true }),
      ]);
      return { ...row, lines: invoiceLines, payments };
    },
    document: {
      template: 'billing/invoice',
      title: (row) => `invoice-${row.number}`,
      async data(_ctx, row) {
        return { invoice: withBalance(row), lines: (await lines(row.id)).filter((l) => l.status === 'active') };
      },
    },
    actions: [
      {
        name: 'issue',
        summary: 'Freeze the draft and ask for payment (prices lines that waited for the tariff)',
        async handler(ctx: HandlerContext, { record }) {
          const invoice = record!.get({ plain: true }) as Row;
          requireStatus(invoice, ['draft'], 'issued');
          await priceWaitingLines(invoice);
          if (!(await InvoiceLine.count({ where: { invoiceId: invoice.id, status: 'active' } }))) throw new Conflict('This invoice has nothing to bill');
          await record!.update({ status: 'issued', issuedAt: new Date(), issuedBy: ctx.user.id, updatedBy: ctx.user.id });
          await invoicing.recompute(invoice.id);
          return (await record!.reload());
        },
      },
      {
        name: 'discount',
        summary: 'Set the discount of one line of a draft invoice, with the reason',
        schema: discountSchema,
        async handler(ctx, { record, body }) {
          const invoice = record!.get({ plain: true }) as Row;
          requireStatus(invoice, ['draft'], 'discounted');
          const line = (await InvoiceLine.findOne({ where: { id: body.lineId, invoiceId: invoice.id, status: 'active' }, raw: true })) as Row | null;
          if (!line) throw new Invalid('No such active line on this invoice', { lineId: 'not an active line of this invoice' });
          if (body.discount > line.quantity * line.unitPrice) throw new Invalid('The discount is more than the line', { discount: `at most ${line.quantity * line.unitPrice}` });
          const coverage = await invoicing.invoiceCoverage(invoice, line.serviceDate);
          await InvoiceLine.update({ discount: body.discount, ...splitLine({ ...(line as any), discount: body.discount }, coverage), updatedBy: ctx.user.id }, { where: { id: line.id } });
          await invoicing.recompute(invoice.id);
          return (await record!.reload());
        },
      },
      {
        name: 'request-void',
        summary: 'Ask for the invoice to be voided, with the reason; the approvers decide in their inbox (nothing is deleted)',
        schema: reasonSchema,
        async handler(ctx, { record, body }) {
          const invoice = record!.get({ plain: true }) as Row;
          requireStatus(invoice, ['draft', 'issued', 'partially-paid', 'paid'], 'voided');
          // First, as no refund would lift it: insurance refuses an invoice on a claim sent to the insurer.
          await invoicing.checkVoid(invoice, 'request', ctx);
          if (invoice.patientPaid > 0 || invoice.insurerPaid > 0) {
            throw new Conflict(`Invoice ${invoice.number} has payments: refund them before voiding it`, { patientPaid: invoice.patientPaid, insurerPaid: invoice.insurerPaid });
          }
          const approvals = services.get<ApprovalApi>('approvals');
          if (await approvals.pending('invoices', invoice.id)) throw new Conflict(`A void of invoice ${invoice.number} is already waiting for approval`);
          await record!.update({ voidRequestedAt: new Date(), voidRequestedBy: ctx.user.id, voidRequestReason: body.reason, updatedBy: ctx.user.id });
          const approval = await approvals.request({ resource: 'invoices', recordId: invoice.id, chain: VOID_CHAIN, summary: `Void invoice ${invoice.number} (${invoice.patientName}): ${body.reason}`, ctx });
          return { ...(record!.get({ plain: true }) as Row), approvalId: approval.id };
        },
      },
    ],
  };
}
