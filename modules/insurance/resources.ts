import { Op, QueryTypes } from 'sequelize';
import type { Response } from 'express';
import type { ModuleContext } from '../../server/host/types.js';
import type { ResourceDefinition, Row } from '../../server/http/resource.js';
import { Conflict, Invalid } from '../../server/http/errors.js';
import type { BillingService } from '../billing/service.js';
import { claimCsv, claimJson } from './claim-file.js';
import { adjudicateSchema, claimSchema, exportQuery, payerSchema, payerUpdateSchema, remittanceSchema } from './validation.js';
import { contains } from '../../server/http/query.js';

export function insuranceResources(ctx: ModuleContext): ResourceDefinition[] {
  const { models, sequelize, services, config } = ctx;
  const { InsurancePayer, InsuranceClaim, InsuranceClaimLine, InsuranceRemittance } = models;
  const claimLines = (claimId: string) => InsuranceClaimLine.findAll({ where: { claimId }, order: [['serviceDate', 'ASC'], ['invoiceNumber', 'ASC'], ['id', 'ASC']], raw: true }) as Promise<Row[]>;
  const requireStatus = (claim: Row, statuses: string[], what: string) => {
    if (!statuses.includes(claim.status)) throw new Conflict(`Claim ${claim.number} is ${claim.status}: it cannot be ${what}`, { status: claim.status });
  };

  const payers: ResourceDefinition = {
    name: 'insurance-payers',
    label: 'Insurers',
    model: InsurancePayer,
    createSchema: payerSchema,
    updateSchema: payerUpdateSchema,
    sortable: ['code', 'name', 'copayPercent', 'createdAt'],
    defaultSort: ['name', 'ASC'],
    filters: { active: 'eq', code: 'eq' },
    search: (q) => ({ [Op.or]: [{ code: contains(q) }, { name: contains(q) }] }),
    // A payer with claims stays; it is switched off with `active: false`.
    operations: { delete: false },
    async beforeCreate(_ctx, data) {
      if (await InsurancePayer.findOne({ where: { code: data.code } })) throw new Conflict(`Payer ${data.code} already exists`, {}, { code: 'is already used' });
      return data;
    },
  };

  const claims: ResourceDefinition = {
    name: 'insurance-claims',
    label: 'Insurance claims',
    model: InsuranceClaim,
    createSchema: claimSchema,
    sortable: ['number', 'status', 'periodFrom', 'claimedTotal', 'createdAt', 'submittedAt'],
    defaultSort: ['createdAt', 'DESC'],
    filters: { payerId: 'eq', payerCode: 'eq', status: 'eq', periodFrom: 'range' },
    search: (q) => ({ number: contains(q) }),
    operations: { update: false, delete: false },
    async beforeCreate(_ctx, data) {
      if (data.periodTo < data.periodFrom) throw new Invalid('The period ends before it starts', { periodTo: 'must be on or after the start' });
      const payer = (await InsurancePayer.findByPk(data.payerId, { raw: true })) as Row | null;
      if (!payer) throw new Invalid('No such payer', { payerId: 'no payer with this id' });
      return { ...data, payerCode: payer.code };
    },
    /** Batches the insurer share of the payer's issued invoices in the period not claimed yet. */
    async afterCreate(c, record) {
      const claim = record.get({ plain: true }) as Row;
      await sequelize.query(
        `INSERT INTO insurance_claim_lines (claim_id, invoice_id, invoice_line_id, invoice_number, patient_id, patient_mrn, patient_name, member_number,
                                            service_date, price_code, description, quantity, amount_claimed, created_by, updated_by)
         SELECT :claimId, i.id, l.id, i.number, i.patient_id, i.patient_mrn, i.patient_name, i.member_number,
                l.service_date, l.price_code, l.description, l.quantity, l.insurer_amount, :userId, :userId
           FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
          WHERE i.payer_code = :payerCode AND i.status IN ('issued', 'partially-paid', 'paid')
            AND l.status = 'active' AND l.insurer_amount > 0 AND l.service_date BETWEEN :from AND :to
            AND NOT EXISTS (SELECT 1 FROM insurance_claim_lines cl WHERE cl.invoice_line_id = l.id)
          -- An invoice being voided at this moment is waited for, then seen void (and left out).
          FOR SHARE OF i`,
        { type: QueryTypes.INSERT, replacements: { claimId: claim.id, payerCode: claim.payerCode, from: claim.periodFrom, to: claim.periodTo, userId: c.user.id } },
      );
      const total = (await InsuranceClaimLine.sum('amountClaimed', { where: { claimId: claim.id } })) ?? 0;
      if (!total) throw new Conflict(`Nothing to claim from ${claim.payerCode} between ${claim.periodFrom} and ${claim.periodTo}`);
      await record.update({ claimedTotal: total });
      return { claimedTotal: total, lineCount: await InsuranceClaimLine.count({ where: { claimId: claim.id } }) };
    },
    async detail(_ctx, row) {
      const [lines, remittances] = await Promise.all([claimLines(row.id), InsuranceRemittance.findAll({ where: { claimId: row.id }, order: [['receivedOn', 'ASC']], raw: true })]);
      return { ...row, lines, remittances };
    },
    actions: [
      {
        name: 'submit',
        summary: 'Send the claim to the insurer (its lines are then fixed)',
        async handler(c, { record }) {
          const claim = record!.get({ plain: true }) as Row;
          requireStatus(claim, ['draft'], 'submitted');
          // Its invoices' voids removed every line: nothing is left to claim.
          if (!(await InsuranceClaimLine.count({ where: { claimId: claim.id } }))) throw new Conflict(`Claim ${claim.number} has no lines left (its invoices were voided): there is nothing to submit`);
          // A void waiting in the inbox would be refused once the claim is sent: decide it first.
          const voiding = await sequelize.query<{ number: string }>(
            `SELECT number FROM invoices WHERE id IN (SELECT invoice_id FROM insurance_claim_lines WHERE claim_id = :id)
                AND void_requested_at IS NOT NULL AND status <> 'void' ORDER BY number`,
            { type: QueryTypes.SELECT, replacements: { id: claim.id } },
          );
          if (voiding.length) {
            const numbers = voiding.map((v) => v.number).join(', ');
            throw new Conflict(`Claim ${claim.number} has invoices whose void waits for approval (${numbers}): have the void decided before submitting`, { invoices: voiding.map((v) => v.number) });
          }
          await record!.update({ status: 'submitted', submittedAt: new Date(), submittedBy: c.user.id, updatedBy: c.user.id });
          return record;
        },
      },
      {
        name: 'adjudicate',
        summary: 'Record the insurer\'s decision: lines not listed were approved as claimed; a cut line gives the reason',
        schema: adjudicateSchema,
        async handler(c, { record, body }) {
          const claim = record!.get({ plain: true }) as Row;
          requireStatus(claim, ['submitted'], 'adjudicated');
          const lines = await claimLines(claim.id);
          const byId = new Map(lines.map((l) => [l.id, l]));
          const decided = new Map<string, { amountApproved: number; rejectionReason?: string }>();
          const errors: Record<string, string> = {};
          body.lines.forEach((d: { lineId: string; amountApproved: number; rejectionReason?: string }, i: number) => {
            const line = byId.get(d.lineId);
            if (!line) errors[`lines.${i}.lineId`] = 'not a line of this claim';
            else if (d.amountApproved > line.amountClaimed) errors[`lines.${i}.amountApproved`] = `at most ${line.amountClaimed}`;
            else if (d.amountApproved < line.amountClaimed && !d.rejectionReason) errors[`lines.${i}.rejectionReason`] = 'required when the insurer pays less than claimed';
            decided.set(d.lineId, d);
          });
          if (Object.keys(errors).length) throw new Invalid('Some lines are not valid', errors);
          let approved = 0;
          for (const line of lines) {
            const d: { amountApproved: number; rejectionReason?: string } = decided.get(line.id) ?? { amountApproved: line.amountClaimed };
            approved += d.amountApproved;
            await InsuranceClaimLine.update(
              { amountApproved: d.amountApproved, rejectionReason: d.amountApproved < line.amountClaimed ? d.rejectionReason : null, updatedBy: c.user.id },
              { where: { id: line.id } },
            );
          }
          const status = approved === claim.claimedTotal ? 'approved' : approved === 0 ? 'rejected' : 'partially-approved';
          await record!.update({ status, approvedTotal: approved, adjudicatedAt: new Date(), updatedBy: c.user.id });
          return record;
        },
      },
      {
        name: 'pay',
        summary: 'Record the insurer\'s remittance against the claim and its invoices',
        schema: remittanceSchema,
        async handler(c, { record, body }) {
          const claim = record!.get({ plain: true }) as Row;
          requireStatus(claim, ['approved', 'partially-approved'], 'paid');
          const due = claim.approvedTotal - claim.paidTotal;
          if (body.amount > due) throw new Conflict(`The insurer owes ${due} on claim ${claim.number}`, { due }, { amount: `at most ${due}` });
          await InsuranceRemittance.create({ claimId: claim.id, ...body, createdBy: c.user.id, updatedBy: c.user.id });
          // The remittance settles the approved lines in service order; each invoice learns what its insurer paid.
          let left = body.amount;
          const perInvoice = new Map<string, number>();
          for (const line of await claimLines(claim.id)) {
            const pay = Math.min(left, (line.amountApproved ?? 0) - line.amountPaid);
            if (pay <= 0) continue;
            await InsuranceClaimLine.update({ amountPaid: line.amountPaid + pay, updatedBy: c.user.id }, { where: { id: line.id } });
            perInvoice.set(line.invoiceId, (perInvoice.get(line.invoiceId) ?? 0) + pay);
            left -= pay;
            if (!left) break;
          }
          const billing = services.get<BillingService>('billing');
          for (const [invoiceId, amount] of perInvoice) await billing.recordInsurerPayment(invoiceId, amount);
          const paidTotal = claim.paidTotal + body.amount;
          await record!.update({ paidTotal, ...(paidTotal === claim.approvedTotal ? { status: 'paid', paidAt: new Date() } : {}), updatedBy: c.user.id });
          return record;
        },
      },
      {
        name: 'export',
        method: 'get',
        audited: false,
        summary: 'The claim file for submission: ?format=csv or json',
        async handler(c, { query }) {
          const { format } = exportQuery.parse(query);
          const claim = (await InsuranceClaim.findByPk(String(c.req.params.id), { raw: true })) as Row;
          const lines = await claimLines(claim.id);
          await services.audit.record(c, { action: 'export', resource: 'insurance-claims', recordId: claim.id, after: { format, lines: lines.length } });
          return format === 'csv' ? { format, name: `${claim.number}.csv`, body: claimCsv(claim, lines) } : { format, name: `${claim.number}.json`, body: claimJson(claim, lines, config.currency) };
        },
        respond(res: Response, out: { format: string; name: string; body: unknown }) {
          res.set('Content-Disposition', `attachment; filename="${out.name}"`);
          if (out.format === 'csv') res.type('text/csv').send(out.body);
          else res.json(out.body);
        },
      },
    ],
  };
  return [payers, claims];
}
