import { Op } from 'sequelize';
import type { ModuleContext } from '../../../server/host/types.js';
import type { HandlerContext, ResourceDefinition, Row } from '../../../server/http/resource.js';
import { Conflict, Invalid } from '../../../server/http/errors.js';
import { quantityFor } from '../dosing.js';
import { checkSafety } from '../safety.js';
import { cancelSchema, prescriptionSchema, safetyCheckSchema } from '../validation.js';
import { contains } from '../../../server/http/query.js';

/**
 * Prescriptions written from an encounter. Every order is checked for allergies and
 * interactions; a severe warning blocks it unless the prescriber gives an override reason,
 * which is stored with the warnings and lands in the audit row.
 */
export function prescriptionResource(ctx: ModuleContext): ResourceDefinition {
  const { models, services } = ctx;
  const { Prescription, PrescriptionItem, Drug, Encounter, Dispense, DispenseItem } = models;

  /** The items with their computed quantities; unknown or inactive drugs are field errors. */
  async function prepareItems(items: Row[]): Promise<Row[]> {
    const drugs = new Map(((await Drug.findAll({ where: { id: { [Op.in]: items.map((i) => i.drugId) } }, raw: true })) as Row[]).map((d) => [d.id, d]));
    const errors: Record<string, string> = {};
    items.forEach((item, i) => {
      const drug = drugs.get(item.drugId);
      if (!drug || !drug.active) errors[`items.${i}.drugId`] = 'not an active drug of the formulary';
    });
    if (Object.keys(errors).length) throw new Invalid('Some drugs are not in the formulary', errors);
    return items.map((item, i) => {
      const drug = drugs.get(item.drugId)!;
      return { ...item, route: item.route ?? drug.route, quantity: quantityFor(item, drug, i) };
    });
  }

  return {
    name: 'prescriptions',
    label: 'Prescriptions',
    model: Prescription,
    createSchema: prescriptionSchema,
    sortable: ['number', 'createdAt', 'status'],
    defaultSort: ['createdAt', 'DESC'],
    filters: { patientId: 'eq', encounterId: 'eq', visitId: 'eq', prescriberId: 'eq', status: 'eq', createdAt: 'range' },
    search: (q) => ({ number: contains(q) }),
    operations: { update: false, delete: false },
    async beforeCreate(c: HandlerContext, data) {
      const encounter = (await Encounter.findByPk(data.encounterId, { raw: true })) as Row | null;
      if (!encounter) throw new Invalid('No such encounter', { encounterId: 'no encounter with this id' });
      if (encounter.status !== 'open') throw new Conflict('The encounter is closed: prescribe from an open encounter');
      const items = await prepareItems(data.items);
      const warnings = await checkSafety(ctx, encounter.patientId, items.map((i) => i.drugId));
      const severe = warnings.filter((w) => w.severity === 'severe');
      if (severe.length && !data.overrideReason) {
        throw new Conflict(`${severe.length} severe warning${severe.length > 1 ? 's' : ''}: change the order or give an override reason`, { warnings }, { overrideReason: 'required to override a severe warning' });
      }
      const { items: _items, ...rest } = data;
      return { ...rest, overrideReason: severe.length ? data.overrideReason : null, patientId: encounter.patientId, visitId: encounter.visitId, prescriberId: c.user.id, warnings };
    },
    async afterCreate(c, record, data) {
      const items = await prepareItems(data.items);
      const created = [];
      for (const item of items) created.push((await PrescriptionItem.create({ ...item, prescriptionId: record.get('id'), createdBy: c.user.id, updatedBy: c.user.id })).get({ plain: true }));
      await services.audit.record(c, { action: 'create', resource: 'prescription-items', recordId: record.get('id') as string, after: { items: created } });
      return { items: created };
    },
    async detail(_c, row) {
      const items = (await PrescriptionItem.findAll({ where: { prescriptionId: row.id }, order: [['createdAt', 'ASC'], ['id', 'ASC']], raw: true })) as Row[];
      const drugs = new Map(((await Drug.findAll({ where: { id: { [Op.in]: items.map((i) => i.drugId) } }, raw: true })) as Row[]).map((d) => [d.id, d]));
      const dispenses = (await Dispense.findAll({ where: { prescriptionId: row.id }, attributes: ['id', 'number', 'dispensedAt', 'dispensedBy', 'locationCode'], order: [['dispensedAt', 'ASC']], raw: true })) as Row[];
      const dispensed = dispenses.length ? ((await DispenseItem.findAll({ where: { dispenseId: { [Op.in]: dispenses.map((d) => d.id) } }, raw: true })) as Row[]) : [];
      return {
        ...row,
        items: items.map((i) => ({ ...i, drug: drugs.get(i.drugId) })),
        dispenses: dispenses.map((d) => ({ ...d, items: dispensed.filter((x) => x.dispenseId === d.id) })),
      };
    },
    actions: [
      {
        name: 'check',
        access: 'create',
        collection: true,
        audited: false,
        summary: 'Safety warnings for drugs being written, before the order is saved (live in the form)',
        schema: safetyCheckSchema,
        async handler(_c, { body }) {
          return { warnings: await checkSafety(ctx, body.patientId, body.drugIds) };
        },
      },
      {
        name: 'cancel',
        summary: 'Stop what is left of the prescription, with the reason',
        schema: cancelSchema,
        async handler(c, { record, body }) {
          const status = record!.get('status') as string;
          if (!['active', 'partially-dispensed'].includes(status)) throw new Conflict(`The prescription is already ${status}`);
          await record!.update({ status: 'cancelled', cancelledReason: body.reason, updatedBy: c.user.id });
          return record;
        },
      },
    ],
  };
}
