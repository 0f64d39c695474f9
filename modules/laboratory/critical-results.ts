/**
 * Critical results (LL/HH): the domain event `lab-result.critical`, then the rule sets for it
 * decide who hears of it. The laboratory contributes one decision type,
 * `lab-result.notify-ordering-physician` { template, escalateAfterMinutes, escalateTo }: tell
 * the physician who ordered the test now, and the `escalateTo` role if nobody acknowledges the
 * result in time. The default rule set is rules/critical-result.json; facility heads edit it.
 */
import { QueryTypes, type Model } from 'sequelize';
import { z } from 'zod';
import type { ModuleContext } from '../../server/host/types.js';
import type { RequestContext } from '../../server/http/context.js';
import type { Row } from '../../server/http/resource.js';
import type { DecisionRegistry } from '../../server/workflows/decisions.js';
import type { Decision } from '../../server/workflows/rules.js';
import type { NotificationApi } from '../../server/workflows/notifications.js';

export const CRITICAL_EVENT = 'lab-result.critical';
export const ESCALATED_EVENT = 'lab-result.critical-escalated';
export const NOTIFY_DECISION = 'lab-result.notify-ordering-physician';
export const CRITICAL_FACTS = ['resultId', 'orderId', 'orderNumber', 'patientId', 'testCode', 'testName', 'value', 'unit', 'flag', 'orderedBy', 'priority'];

const notifyParams = z.object({
  template: z.string().min(1),
  escalateAfterMinutes: z.number().int().positive('more than 0').max(24 * 60),
  escalateTo: z.string().min(1, 'a role'),
});
type NotifyParams = z.infer<typeof notifyParams>;

const notifications = ({ services }: ModuleContext) => (services.provided.has('notifications') ? services.get<NotificationApi>('notifications') : null);

/** Notifies the ordering physician and sets the escalation clock on the result. */
async function notifyOrderingPhysician(mctx: ModuleContext, p: NotifyParams, facts: Record<string, unknown>) {
  await mctx.sequelize.query(
    `UPDATE lab_results SET critical_escalate_at = now() + make_interval(mins => :minutes), critical_escalate_to = :role WHERE id = :id`,
    { replacements: { minutes: p.escalateAfterMinutes, role: p.escalateTo, id: facts.resultId } },
  );
  await notifications(mctx)?.send({ template: p.template, to: String(facts.orderedBy), data: facts, resource: 'lab-results', recordId: String(facts.resultId) });
  return { notified: facts.orderedBy, escalateAfterMinutes: p.escalateAfterMinutes };
}

/** Makes the decision type known to the rule editor (when the workflow layer is loaded). */
export function registerCriticalDecision(mctx: ModuleContext) {
  if (!mctx.services.provided.has('decisions')) return;
  mctx.services.get<DecisionRegistry>('decisions').register<NotifyParams>({
    type: NOTIFY_DECISION,
    description: 'Notify the physician who ordered the test; escalate to a role if not acknowledged in N minutes',
    params: () => notifyParams,
    apply: (p, target) => notifyOrderingPhysician(mctx, p, target.facts),
  });
}

export async function raiseCritical(mctx: ModuleContext, ctx: RequestContext, order: Model & Row, result: Model & Row, test: Row) {
  const facts = {
    resultId: result.get('id'),
    orderId: order.get('id'),
    orderNumber: order.get('orderNumber'),
    patientId: order.get('patientId'),
    testCode: test.code,
    testName: test.name,
    value: result.get('valueNumeric') ?? result.get('valueCoded'),
    unit: test.unit,
    flag: result.get('flag'),
    orderedBy: order.get('orderedBy'),
    priority: order.get('priority'),
  };
  await mctx.services.events.emit(CRITICAL_EVENT, facts, ctx);
  const decisions: Decision[] = await mctx.services.rules.decide(CRITICAL_EVENT, facts);
  if (mctx.services.provided.has('decisions')) {
    await mctx.services.get<DecisionRegistry>('decisions').apply(decisions, { resource: 'lab-results', recordId: String(facts.resultId), summary: `Critical ${test.name} ${facts.value} (${facts.flag})`, facts, ctx });
  } else {
    for (const d of decisions.filter((x) => x.type === NOTIFY_DECISION)) await notifyOrderingPhysician(mctx, notifyParams.parse(d.params), facts);
  }
  return decisions;
}

/** The escalation job: critical results nobody acknowledged in time go to the escalation role. */
export async function escalateUnacknowledged(mctx: ModuleContext) {
  const due = await mctx.sequelize.query<Row>(
    `UPDATE lab_results SET critical_escalated_at = now()
      WHERE flag IN ('LL', 'HH') AND critical_acknowledged_at IS NULL AND critical_escalated_at IS NULL AND critical_escalate_at <= now()
      RETURNING id, order_id AS "orderId", patient_id AS "patientId", critical_escalate_to AS "escalateTo", flag`,
    { type: QueryTypes.SELECT },
  );
  for (const r of due) {
    await notifications(mctx)?.send({ template: 'laboratory/notifications/critical-result-escalated', to: r.escalateTo, data: r, resource: 'lab-results', recordId: r.id });
    await mctx.services.events.emit(ESCALATED_EVENT, { resultId: r.id, orderId: r.orderId, patientId: r.patientId, escalateTo: r.escalateTo, flag: r.flag });
  }
  return due.length;
}
