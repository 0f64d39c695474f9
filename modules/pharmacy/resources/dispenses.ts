import type { ModuleContext } from '../../../server/host/types.js';
import type { ResourceDefinition, Row } from '../../../server/http/resource.js';
import { Invalid, NotFound } from '../../../server/http/errors.js';
import { dispenseSchema } from '../validation.js';
import type { DispenseRunner } from '../dispensing.js';

/** Dispenses: POST runs the dispense workflow in the create transaction; the label is kept as printed. */
export function dispenseResource(ctx: ModuleContext, dispensing: DispenseRunner): ResourceDefinition {
  const { models } = ctx;
  const { Dispense, DispenseItem, Prescription } = models;
  return {
    name: 'dispenses',
    label: 'Dispenses',
    model: Dispense,
    createSchema: dispenseSchema,
    hidden: ['label'],
    sortable: ['number', 'dispensedAt', 'createdAt'],
    defaultSort: ['dispensedAt', 'DESC'],
    filters: { prescriptionId: 'eq', patientId: 'eq', dispensedBy: 'eq', dispensedAt: 'range' },
    operations: { update: false, delete: false },
    async beforeCreate(c, data) {
      const prescription = (await Prescription.findByPk(data.prescriptionId, { attributes: ['id', 'patientId'], raw: true })) as Row | null;
      if (!prescription) throw new Invalid('No such prescription', { prescriptionId: 'no prescription with this id' });
      return { prescriptionId: prescription.id, patientId: prescription.patientId, locationCode: data.locationCode ?? 'DISP', dispensedBy: c.user.id, dispensedAt: new Date() };
    },
    async afterCreate(c, record, data) {
      const result = await dispensing.run({
        dispenseId: record.get('id') as string,
        prescriptionId: data.prescriptionId,
        locationCode: record.get('locationCode') as string,
        items: data.items,
        actor: { user: c.user, ip: c.ip, userAgent: c.userAgent, requestId: c.requestId },
      });
      return { items: await DispenseItem.findAll({ where: { dispenseId: record.get('id') }, raw: true }), charged: result.charged };
    },
    async detail(_c, row) {
      return { ...row, items: await DispenseItem.findAll({ where: { dispenseId: row.id }, order: [['createdAt', 'ASC']], raw: true }) };
    },
    // The label as it was handed over (kept by the dispense workflow), printed on demand.
    document: {
      template: 'pharmacy/dispense-label',
      title: (row) => `label-${row.number}`,
      async data(_c, row) {
        const kept = (await Dispense.findByPk(row.id, { attributes: ['label'], raw: true })) as Row | null;
        if (!kept?.label) throw new NotFound('No label for this dispense');
        return kept.label;
      },
    },
  };
}
