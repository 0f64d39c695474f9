/**
 * A dispense as a Medusa workflow: check -> reserve the prescribed quantities -> issue stock
 * (batches picked first-expiry-first-out by inventory, expired never) -> add the charges ->
 * print the label. It runs inside the dispense's transaction, so the stock leaves the shelf in
 * the same transaction as the dispense is written; each step also has its own compensation, so
 * a failure later in the chain undoes what the earlier steps did even before the rollback.
 *
 * Imported lazily, once, by the module's bootstrap: the SDK takes about a second to load.
 */
import type { ModuleContext } from '../../server/host/types.js';
import type { RequestContext } from '../../server/http/context.js';
import { Conflict, HttpError, Invalid } from '../../server/http/errors.js';
import type { Row } from '../../server/http/resource.js';
import type { InventoryService, IssueStockResult } from '../inventory/workflows.js';

process.env.MEDUSA_DISABLE_TELEMETRY = 'true';
const { createWorkflow, createStep, transform, StepResponse, WorkflowResponse } = await import('@medusajs/framework/workflows-sdk');
const { createContainer, asValue } = await import('@medusajs/framework/awilix');

export interface DispenseInput {
  dispenseId: string;
  prescriptionId: string;
  locationCode: string;
  items: { prescriptionItemId: string; quantity: number }[];
  actor: RequestContext;
}

interface Line {
  prescriptionItemId: string;
  drugId: string;
  drugName: string;
  stockItemId: string;
  priceCode: string;
  quantity: number;
  directions: string;
}

interface Checked {
  input: DispenseInput;
  patientId: string;
  visitId: string | null;
  encounterId: string;
  lines: Line[];
}

/** Each host gives the workflow its own module context. */
export function dispenseContainer(ctx: ModuleContext) {
  const container = createContainer();
  container.register({ pharmacy: asValue(ctx) });
  return container;
}
const moduleContext = (container: { resolve(key: string): unknown }) => container.resolve('pharmacy') as ModuleContext;

export const LABEL_TEMPLATE = 'pharmacy/dispense-label';

const FREQUENCY_TEXT: Record<string, string> = { STAT: 'once, now', OD: 'once a day', NOCTE: 'at night', BD: 'twice a day', TDS: 'three times a day', QID: 'four times a day', PRN: 'when needed' };

export const checkStep = createStep('check-dispense', async (input: DispenseInput, { container }) => {
  const { models } = moduleContext(container);
  const prescription = (await models.Prescription.findByPk(input.prescriptionId, { lock: true, raw: true })) as Row | null;
  if (!prescription) throw new Invalid('No such prescription', { prescriptionId: 'no prescription with this id' });
  if (!['active', 'partially-dispensed'].includes(prescription.status)) throw new Conflict(`Prescription ${prescription.number} is ${prescription.status}`);
  const errors: Record<string, string> = {};
  const lines: Line[] = [];
  for (const [i, want] of input.items.entries()) {
    const item = (await models.PrescriptionItem.findOne({ where: { id: want.prescriptionItemId, prescriptionId: prescription.id }, raw: true })) as Row | null;
    if (!item) {
      errors[`items.${i}.prescriptionItemId`] = 'not an item of this prescription';
      continue;
    }
    const drug = (await models.Drug.findByPk(item.drugId, { raw: true })) as Row;
    const left = item.quantity - item.quantityDispensed;
    if (want.quantity > left) errors[`items.${i}.quantity`] = `at most ${left} left to dispense`;
    else if (!drug.stockItemId) errors[`items.${i}.prescriptionItemId`] = `${drug.genericName} ${drug.strength} is not stocked`;
    else {
      lines.push({
        prescriptionItemId: item.id,
        drugId: drug.id,
        drugName: `${drug.genericName} ${drug.strength} ${drug.form}`,
        stockItemId: drug.stockItemId,
        priceCode: drug.priceCode,
        quantity: want.quantity,
        directions: `${Number(item.dose)} ${item.doseUnit} ${FREQUENCY_TEXT[item.frequency]}${item.frequency === 'STAT' ? '' : ` for ${item.durationDays} days`}${item.instructions ? `. ${item.instructions}` : ''}`,
      });
    }
  }
  if (Object.keys(errors).length) throw new Invalid('Some items cannot be dispensed', errors);
  return new StepResponse<Checked>({ input, patientId: prescription.patientId, visitId: prescription.visitId, encounterId: prescription.encounterId, lines });
});

/** Holds the quantities against the prescription, which moves to partially dispensed or dispensed. */
export const reserveStep = createStep(
  'reserve-prescribed-quantities',
  async (checked: Checked, { container }) => {
    const { models } = moduleContext(container);
    const before = (await models.Prescription.findByPk(checked.input.prescriptionId, { raw: true })) as Row;
    for (const l of checked.lines) await models.PrescriptionItem.increment({ quantityDispensed: l.quantity }, { where: { id: l.prescriptionItemId } });
    const items = (await models.PrescriptionItem.findAll({ where: { prescriptionId: before.id }, raw: true })) as Row[];
    const status = items.every((i) => i.quantityDispensed >= i.quantity) ? 'dispensed' : 'partially-dispensed';
    await models.Prescription.update({ status, updatedBy: checked.input.actor.user?.id }, { where: { id: before.id } });
    return new StepResponse(checked, { prescriptionId: before.id, status: before.status, lines: checked.lines });
  },
  async (undo, { container }) => {
    // Medusa may call a compensation with no input (the step never ran to the end).
    if (!undo) return;
    const { models } = moduleContext(container);
    for (const l of undo.lines) await models.PrescriptionItem.increment({ quantityDispensed: -l.quantity }, { where: { id: l.prescriptionItemId } });
    await models.Prescription.update({ status: undo.status }, { where: { id: undo.prescriptionId } });
  },
);

/** Takes the units off the dispensary shelf through inventory's own step. */
export const issueStockStep = createStep(
  'issue-dispensed-stock',
  async (checked: Checked, { container }) => {
    const ctx = moduleContext(container);
    const inventory = ctx.services.get<InventoryService>('inventory');
    const issued: IssueStockResult[] = [];
    try {
      for (const l of checked.lines) {
        issued.push(
          await inventory.issueStock({
            itemId: l.stockItemId,
            locationCode: checked.input.locationCode,
            quantity: l.quantity,
            reason: `Dispensed: ${l.drugName}`,
            source: { resource: 'dispenses', id: checked.input.dispenseId },
            actorId: checked.input.actor.user?.id ?? null,
          }),
        );
      }
    } catch (err) {
      // The lines issued before the one that failed go back before the error travels on.
      for (const done of issued) await inventory.returnStock(done, { reason: 'Dispense failed', actorId: checked.input.actor.user?.id ?? null });
      throw err;
    }
    return new StepResponse(issued, { issued, actorId: checked.input.actor.user?.id ?? null });
  },
  async (undo, { container }) => {
    if (!undo) return;
    const inventory = moduleContext(container).services.get<InventoryService>('inventory');
    for (const done of undo.issued) await inventory.returnStock(done, { reason: 'Dispense undone', actorId: undo.actorId });
  },
);

/** Records what left with which batches and charges it: billing picks the charge up. */
export const chargeStep = createStep(
  'charge-dispense',
  async ({ checked, issued }: { checked: Checked; issued: IssueStockResult[] }, { container }) => {
    const { models, services } = moduleContext(container);
    const charged: { sourceResource: string; sourceId: string }[] = [];
    for (const [i, l] of checked.lines.entries()) {
      const item = await models.DispenseItem.create({
        dispenseId: checked.input.dispenseId,
        prescriptionItemId: l.prescriptionItemId,
        drugId: l.drugId,
        quantity: l.quantity,
        cost: issued[i].cost,
        batches: issued[i].movements.map((m) => ({ batchId: m.batchId, lotNumber: m.lotNumber, expiryDate: m.expiryDate, quantity: m.quantity })),
        createdBy: checked.input.actor.user?.id,
      });
      const source = { sourceResource: 'dispense-items', sourceId: item.get('id') as string };
      await services.events.emit(
        'charge.created',
        { patientId: checked.patientId, visitId: checked.visitId, encounterId: checked.encounterId, department: 'Pharmacy', priceCode: l.priceCode, description: l.drugName, quantity: l.quantity, ...source },
        checked.input.actor,
      );
      charged.push(source);
    }
    return new StepResponse({ charged }, { charged, actor: checked.input.actor });
  },
  async (undo, { container }) => {
    if (!undo) return;
    const { services } = moduleContext(container);
    for (const c of undo.charged) await services.events.emit('charge.cancelled', c, undo.actor);
  },
);

/**
 * Writes the dispensing label as handed over. The HTML is rendered here (a template or data
 * fault fails the dispense); the PDF is made from the kept label when printed, so the slow
 * part never runs while the batches are locked.
 */
export const labelStep = createStep('print-dispense-label', async ({ checked, issued }: { checked: Checked; issued: IssueStockResult[] }, { container }) => {
  const { models, services } = moduleContext(container);
  const patient = (await models.Patient.findByPk(checked.patientId, { attributes: ['mrn', 'givenName', 'familyName'], raw: true })) as Row;
  const dispense = (await models.Dispense.findByPk(checked.input.dispenseId, { attributes: ['number', 'dispensedAt'], raw: true })) as Row;
  const label = {
    patient,
    dispense,
    pharmacist: checked.input.actor.user?.name ?? null,
    labels: checked.lines.map((l, i) => ({ drugName: l.drugName, quantity: l.quantity, directions: l.directions, batches: issued[i].movements.map((m) => ({ lotNumber: m.lotNumber, expiryDate: m.expiryDate, quantity: m.quantity })) })),
  };
  services.documents.renderHtml(LABEL_TEMPLATE, label, { title: `label-${dispense.number}` });
  await models.Dispense.update({ label }, { where: { id: checked.input.dispenseId } });
  return new StepResponse({ printed: true });
});

export const dispenseWorkflow = createWorkflow('dispense-prescription', (input: DispenseInput) => {
  const checked = checkStep(input);
  const reserved = reserveStep(checked);
  const issued = issueStockStep(reserved);
  const charged = chargeStep(transform({ reserved, issued }, ({ reserved, issued }) => ({ checked: reserved, issued })));
  const label = labelStep(transform({ reserved, issued, charged }, ({ reserved, issued }) => ({ checked: reserved, issued })));
  return new WorkflowResponse(transform({ issued, charged, label }, ({ issued, charged }) => ({ issued, charged: charged.charged.length })));
});

/** Runs the dispense; a failed step's own error (409, 400...) reaches the caller after the compensations. */
export async function runDispense(container: ReturnType<typeof dispenseContainer>, input: DispenseInput) {
  const { result, errors } = await dispenseWorkflow(container as unknown as Parameters<typeof dispenseWorkflow>[0]).run({ input, throwOnError: false });
  if (errors.length) {
    // Medusa hands back a step's error as a plain copy of its own properties: rebuild ours.
    const err = errors[0].error as Error | { message?: string; status?: unknown; errors?: Record<string, string>; extra?: Record<string, unknown> };
    if (err instanceof Error) throw err;
    if (typeof err?.status === 'number') throw new HttpError(err.status, String(err.message), err.errors, err.extra);
    throw Object.assign(new Error(String(err?.message ?? err)), err);
  }
  return result;
}
