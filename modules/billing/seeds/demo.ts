import type { ModuleContext } from '../../../server/host/types.js';
import type { Row } from '../../../server/http/resource.js';
import { invoicingOf } from '../service.js';

const SERVICES = [
  { department: 'Outpatient', priceCode: 'CONSULT-GOPD', description: 'General outpatient consultation', quantity: 1 },
  { department: 'Laboratory', priceCode: 'LAB-MRDT', description: 'Malaria RDT', quantity: 1 },
  { department: 'Pharmacy', priceCode: 'DRUG-PARA-500', description: 'Paracetamol 500 mg', quantity: 18 },
];

/** A dozen billed patients so the cashier and the dashboards have something to show. */
export async function seedDemoBilling(ctx: ModuleContext) {
  const { models, sequelize, services } = ctx;
  const { Invoice, Patient } = models;
  const patients = (await Patient.findAll({ attributes: ['id'], order: [['createdAt', 'ASC']], limit: 12, raw: true })) as Row[];
  for (const [i, p] of patients.entries()) {
    await sequelize.transaction(async () => {
      for (const [j, s] of SERVICES.entries()) {
        await services.events.emit('charge.created', { patientId: p.id, ...s, sourceResource: 'demo-charges', sourceId: `${p.id}-${j}` });
      }
      if (i % 3 === 0) return;
      // Issued some weeks ago, so the receivables have an age to show.
      const invoice = await Invoice.findOne({ where: { patientId: p.id, status: 'draft' } });
      if (!invoice) return;
      await invoice.update({ status: 'issued', issuedAt: new Date(Date.now() - i * 9 * 86400_000) });
      await invoicingOf(ctx).recompute(invoice.get('id') as string);
    });
  }
}
