/**
 * Invoices are built from the charges other modules emit (`charge.created`, `charge.cancelled`,
 * docs/MODULES.md "Charges"); the handlers run in the producer's transaction, so a charge and
 * its invoice line commit or roll back together.
 */
import { QueryTypes } from 'sequelize';
import { z } from 'zod';
import type { ModuleContext } from '../../server/host/types.js';
import type { RequestContext } from '../../server/http/context.js';
import type { Row } from '../../server/http/resource.js';
import { splitLine, type Coverage, type CoverageResolver } from './coverage.js';
import { priceFor } from './tariff.js';

export const chargeCreatedFacts = z.object({
  patientId: z.uuid(),
  visitId: z.uuid().nullish(),
  encounterId: z.uuid().nullish(),
  department: z.string().min(1),
  priceCode: z.string().min(1),
  description: z.string().min(1),
  quantity: z.number().int().positive().default(1),
  sourceResource: z.string().min(1),
  sourceId: z.string().min(1),
});
export const chargeCancelledFacts = z.object({ sourceResource: z.string().min(1), sourceId: z.string().min(1) });

export const today = () => new Date().toISOString().slice(0, 10);

/** `request`: a void is asked for; `void`: the approval that voids the invoice is being recorded. */
export type VoidStage = 'request' | 'void';
export interface VoidCheck {
  /** The invoice, locked (plain row). */
  invoice: Row;
  stage: VoidStage;
  ctx?: RequestContext;
}
/** Throws (Conflict) to refuse the void; or moves the caller's own records along with it. */
export type VoidHook = (check: VoidCheck) => Promise<void> | void;

export class Invoicing {
  private resolver: CoverageResolver | null = null;
  private voidHooks: VoidHook[] = [];

  constructor(private ctx: ModuleContext) {}

  useCoverage(resolver: CoverageResolver) {
    this.resolver = resolver;
  }

  onVoid(hook: VoidHook) {
    this.voidHooks.push(hook);
  }

  /** Runs the hooks of the modules that hold invoices (insurance claims) in the caller's transaction. */
  async checkVoid(invoice: Row, stage: VoidStage, ctx?: RequestContext) {
    for (const hook of this.voidHooks) await hook({ invoice, stage, ctx });
  }

  coverageFor(patientId: string, onDate: string): Promise<Coverage | null> {
    return this.resolver ? this.resolver(patientId, onDate) : Promise.resolve(null);
  }

  /** The coverage that applies to an invoice's lines: only the payer the invoice was opened with. */
  async invoiceCoverage(invoice: Row, onDate: string) {
    if (!invoice.payerCode) return null;
    const coverage = await this.coverageFor(invoice.patientId, onDate);
    return coverage?.payerCode === invoice.payerCode ? coverage : null;
  }

  /** The visit's open draft invoice (one per visit, or per patient without a visit), locked. */
  async openDraft(patientId: string, visitId: string | null, coverage: Coverage | null, userId: string | null) {
    const { Invoice, Patient } = this.ctx.models;
    const patient = (await Patient.findByPk(patientId, { attributes: ['mrn', 'givenName', 'familyName'], raw: true })) as Row | null;
    if (!patient) throw new Error(`charge for unknown patient ${patientId}`);
    // A concurrent charge for the same visit waits on the unique index here, then finds the row.
    await this.ctx.sequelize.query(
      `INSERT INTO invoices (patient_id, visit_id, patient_mrn, patient_name, currency, payer_code, member_number, created_by, updated_by)
       VALUES (:patientId, :visitId, :mrn, :name, :currency, :payerCode, :memberNumber, :userId, :userId)
       ON CONFLICT DO NOTHING`,
      {
        replacements: {
          patientId,
          visitId,
          mrn: patient.mrn,
          name: `${patient.givenName} ${patient.familyName}`,
          currency: this.ctx.config.currency,
          payerCode: coverage?.payerCode ?? null,
          memberNumber: coverage?.memberNumber ?? null,
          userId,
        },
      },
    );
    const invoice = await Invoice.findOne({ where: { status: 'draft', patientId, visitId }, lock: true });
    if (!invoice) throw new Error('the draft invoice vanished');
    return invoice;
  }

  async addCharge(facts: Record<string, unknown>, reqCtx?: RequestContext) {
    const { InvoiceLine, PriceList } = this.ctx.models;
    const f = chargeCreatedFacts.parse(facts);
    if (await InvoiceLine.findOne({ where: { sourceResource: f.sourceResource, sourceId: f.sourceId, status: 'active' } })) return;
    const date = today();
    const userId = reqCtx?.user?.id ?? null;
    const coverage = await this.coverageFor(f.patientId, date);
    const invoice = await this.openDraft(f.patientId, f.visitId ?? null, coverage, userId);
    const invoiceRow = invoice.get({ plain: true }) as Row;
    const price = await priceFor(PriceList, f.priceCode, date, invoiceRow.payerCode);
    const applies = coverage?.payerCode === invoiceRow.payerCode ? coverage : null;
    const unitPrice = price?.unitPrice ?? 0;
    const line = await InvoiceLine.create({
      invoiceId: invoiceRow.id,
      priceCode: f.priceCode,
      description: price?.description ?? f.description,
      department: f.department,
      quantity: f.quantity,
      unitPrice,
      discount: 0,
      ...splitLine({ priceCode: f.priceCode, quantity: f.quantity, unitPrice, discount: 0 }, applies),
      // A code missing from the tariff must not stop the clinical work that charged it: the line
      // waits unpriced and the invoice cannot be issued until the tariff has the code.
      priced: price !== null,
      sourceResource: f.sourceResource,
      sourceId: f.sourceId,
      serviceDate: date,
      createdBy: userId,
      updatedBy: userId,
    });
    await this.recompute(invoiceRow.id);
    await this.ctx.services.audit.record(reqCtx, { action: 'charge', resource: 'invoices', recordId: invoiceRow.id, after: { line: line.get({ plain: true }) } });
  }

  async cancelCharge(facts: Record<string, unknown>, reqCtx?: RequestContext) {
    const { Invoice, InvoiceLine } = this.ctx.models;
    const f = chargeCancelledFacts.parse(facts);
    const line = await InvoiceLine.findOne({ where: { sourceResource: f.sourceResource, sourceId: f.sourceId, status: 'active' } });
    if (!line) return;
    const invoice = await Invoice.findByPk(line.get('invoiceId') as string, { lock: true });
    if (!invoice || invoice.get('status') === 'void') return;
    await line.update({ status: 'cancelled', updatedBy: reqCtx?.user?.id ?? null });
    await this.recompute(invoice.get('id') as string);
    await this.ctx.services.audit.record(reqCtx, {
      action: 'charge-cancelled',
      resource: 'invoices',
      recordId: invoice.get('id') as string,
      before: { lineId: line.get('id'), status: 'active' },
      after: { lineId: line.get('id'), status: 'cancelled' },
    });
  }

  /**
   * Totals from the active lines; an issued invoice's status follows what the patient has paid
   * against their share (a credit, paid above the share after a cancellation, stays "paid").
   */
  async recompute(invoiceId: string) {
    await this.ctx.sequelize.query(
      `UPDATE invoices i SET
         total = s.total, discount_total = s.discount, insurer_share = s.insurer, patient_share = s.patient,
         status = CASE WHEN i.status IN ('issued', 'partially-paid', 'paid') THEN
                    CASE WHEN i.patient_paid >= s.patient THEN 'paid' WHEN i.patient_paid > 0 THEN 'partially-paid' ELSE 'issued' END
                  ELSE i.status END,
         updated_at = now(), version = i.version + 1
       FROM (SELECT coalesce(sum(amount), 0)::int AS total, coalesce(sum(discount), 0)::int AS discount,
                    coalesce(sum(insurer_amount), 0)::int AS insurer, coalesce(sum(patient_amount), 0)::int AS patient
               FROM invoice_lines WHERE invoice_id = :id AND status = 'active') s
       WHERE i.id = :id`,
      { replacements: { id: invoiceId }, type: QueryTypes.UPDATE },
    );
  }

  /** Adds what was paid (negative for a refund) and moves the status with it. */
  async addPatientPayment(invoiceId: string, amount: number) {
    await this.ctx.sequelize.query(`UPDATE invoices SET patient_paid = patient_paid + :amount WHERE id = :id`, { replacements: { id: invoiceId, amount }, type: QueryTypes.UPDATE });
    await this.recompute(invoiceId);
  }
}
