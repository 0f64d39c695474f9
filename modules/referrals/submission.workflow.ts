/**
 * The submission of a referral, as a Medusa workflow: route (rules) -> request approval if
 * needed -> render the letter -> notify, then the `referralSubmitted` hook. Each step that
 * changes something has its compensation, so a failure later in the chain undoes it (the
 * database part also rolls back with the submit action's transaction; files do not, hence the
 * compensations). Other modules add steps through the hook, without editing this file:
 *
 *   const { submitReferralWorkflow } = await import('modules/referrals/submission.workflow.js');
 *   submitReferralWorkflow.hooks.referralSubmitted(async ({ referralId }, { container }) => ..., compensate);
 *
 * (Medusa allows one handler per hook.) This file is imported lazily, once, by the module's
 * bootstrap: the SDK takes about a second to load.
 */
import type { ModuleContext } from '../../server/host/types.js';
import { HttpError } from '../../server/http/errors.js';
import type { RequestContext } from '../../server/http/context.js';
import type { Row } from '../../server/http/resource.js';
import type { AttachmentStore } from '../../server/documents/attachment-store.js';
import type { ApprovalApi } from '../../server/workflows/approvals.js';
import type { NotificationApi } from '../../server/workflows/notifications.js';
import { LETTER_TEMPLATE, letterData, letterTitle } from './letter.js';
import { routeReferral } from './routing.js';
import { sentFields } from './sent-fields.js';

process.env.MEDUSA_DISABLE_TELEMETRY = 'true';
const { createWorkflow, createStep, createHook, transform, StepResponse, WorkflowResponse } = await import('@medusajs/framework/workflows-sdk');
const { createContainer, asValue } = await import('@medusajs/framework/awilix');

export interface SubmitInput {
  referralId: string;
  actor: RequestContext;
}

interface RoutedReferral {
  referralId: string;
  actor: RequestContext;
  destination: { id: string; code: string; name: string; external: boolean };
  priority: string;
  routedBy: string;
  approval: { chain: string[]; slaHours?: number; escalate?: unknown; ruleSet: string } | null;
  respondMin: number | null;
  notify: { template: string; to: string | string[] }[];
  decisions: { type: string; params: Record<string, unknown>; rule?: string }[];
}

/** Each host gives the workflow its own module context. */
export function referralContainer(ctx: ModuleContext) {
  const container = createContainer();
  container.register({ referrals: asValue(ctx) });
  return container;
}

const moduleContext = (container: { resolve(key: string): unknown }) => container.resolve('referrals') as ModuleContext;
const optional = <T>(ctx: ModuleContext, name: string) => (ctx.services.provided.has(name) ? ctx.services.get<T>(name) : null);
const ROUTE_FIELDS = ['destinationId', 'priority', 'routedBy', 'respondMin', 'submittedAt'] as const;
const STATE_FIELDS = ['status', 'sentAt', 'answerDueAt', 'approvalComment'] as const;
const pick = (row: Row, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, row[k] ?? null]));

export const routeReferralStep = createStep(
  'route-referral',
  async (input: SubmitInput, { container }) => {
    const ctx = moduleContext(container);
    const referral = await ctx.models.Referral.findByPk(input.referralId);
    if (!referral) throw new Error(`Referral ${input.referralId} vanished during its submission`);
    const before = pick(referral.get({ plain: true }), ROUTE_FIELDS);
    const outcome = await routeReferral(ctx, referral.get({ plain: true }));
    await referral.update({
      destinationId: outcome.destination.id,
      priority: outcome.priority,
      routedBy: outcome.routedBy,
      respondMin: outcome.respondMin,
      submittedAt: new Date(),
      updatedBy: input.actor.user?.id,
    });
    const routed: RoutedReferral = {
      referralId: input.referralId,
      actor: input.actor,
      destination: { id: outcome.destination.id, code: outcome.destination.code, name: outcome.destination.name, external: outcome.destination.external },
      priority: outcome.priority,
      routedBy: outcome.routedBy,
      approval: outcome.approval,
      respondMin: outcome.respondMin,
      notify: outcome.notify,
      decisions: outcome.decisions.map(({ type, params, rule }) => ({ type, params, rule })),
    };
    return new StepResponse(routed, { referralId: input.referralId, before });
  },
  async (undo, { container }) => {
    // Medusa may call a compensation with no input (the step never ran to the end).
    if (!undo) return;
    await moduleContext(container).models.Referral.update(undo.before, { where: { id: undo.referralId } });
  },
);

/**
 * Opens the approval chain the rules asked for, or sends the referral at once. The choice is
 * made inside the step, not with `when()`: an async step inside `when()` is not awaited.
 */
export const requestApprovalStep = createStep(
  'request-referral-approval',
  async (routed: RoutedReferral, { container }) => {
    const ctx = moduleContext(container);
    const referral = (await ctx.models.Referral.findByPk(routed.referralId))!;
    const plain = referral.get({ plain: true }) as Row;
    const before = pick(plain, STATE_FIELDS);
    let approvalOpened = false;
    if (routed.approval) {
      const approvals = optional<ApprovalApi>(ctx, 'approvals');
      if (approvals) {
        await approvals.request({
          resource: 'referrals',
          recordId: routed.referralId,
          chain: routed.approval.chain,
          slaHours: routed.approval.slaHours,
          escalate: routed.approval.escalate as never,
          summary: `Referral ${plain.number} to ${routed.destination.name} (${plain.specialty}, ${plain.urgency})`,
          ruleSet: routed.approval.ruleSet,
          ctx: routed.actor,
        });
        approvalOpened = true;
      } else {
        ctx.logger.warn({ referral: plain.number }, 'referral needs approval but no approvals service is loaded: it waits as pending_approval');
      }
      await referral.update({ status: 'pending_approval', approvalComment: null, updatedBy: routed.actor.user?.id });
    } else {
      await referral.update({ status: 'sent', ...sentFields(routed.respondMin), updatedBy: routed.actor.user?.id });
    }
    return new StepResponse({ status: referral.get('status') as string }, { referralId: routed.referralId, before, approvalOpened, actor: routed.actor });
  },
  async (undo, { container }) => {
    if (!undo) return;
    const ctx = moduleContext(container);
    if (undo.approvalOpened) await optional<ApprovalApi>(ctx, 'approvals')?.cancel('referrals', undo.referralId, undo.actor);
    await ctx.models.Referral.update(undo.before, { where: { id: undo.referralId } });
  },
);

/** Renders the letter as sent and keeps it with the referral (an attachment anyone who may read the referral can download). */
export const renderLetterStep = createStep(
  'render-referral-letter',
  async (input: { referralId: string; actor: RequestContext }, { container }) => {
    const ctx = moduleContext(container);
    const referral = (await ctx.models.Referral.findByPk(input.referralId))!;
    const row = { ...(referral.get({ plain: true }) as Row) };
    const pdf = await ctx.services.documents.renderPdf(LETTER_TEMPLATE, await letterData(ctx, row), { title: letterTitle(row) });
    const attachment = await ctx.services.get<AttachmentStore>('attachments').store(input.actor, {
      resource: 'referrals',
      recordId: input.referralId,
      fileName: `${letterTitle(row)}.pdf`,
      bytes: pdf,
      description: 'Referral letter as submitted',
    });
    const attachmentId = attachment.get('id') as string;
    await referral.update({ letterAttachmentId: attachmentId });
    return new StepResponse({ attachmentId }, { referralId: input.referralId, attachmentId, previous: row.letterAttachmentId ?? null });
  },
  async (undo, { container }) => {
    if (!undo) return;
    const ctx = moduleContext(container);
    await ctx.models.Referral.update({ letterAttachmentId: undo.previous }, { where: { id: undo.referralId } });
    await ctx.services.get<AttachmentStore>('attachments').discard(undo.attachmentId);
  },
);

/**
 * Tells the referring physician, and whoever the rule set's `notify` decisions name. No
 * compensation: notifications are outbox rows in the submit transaction, e-mailed only after
 * it commits, so a rollback takes them back.
 */
export const notifyStep = createStep('notify-referral', async (input: { routed: RoutedReferral; status: string }, { container }) => {
  const ctx = moduleContext(container);
  const notifications = optional<NotificationApi>(ctx, 'notifications');
  if (!notifications) return new StepResponse({ sent: 0 });
  const referral = (await ctx.models.Referral.findByPk(input.routed.referralId, { raw: true })) as Row | null;
  if (!referral) return new StepResponse({ sent: 0 });
  const data = {
    number: referral.number,
    specialty: referral.specialty,
    urgency: referral.urgency,
    destination: input.routed.destination.name,
    statusText: input.status === 'sent' ? `was sent to ${input.routed.destination.name}` : 'waits for approval',
  };
  const target = { resource: 'referrals', recordId: referral.id as string };
  let sent = (await notifications.send({ template: 'referrals/referral-submitted', to: [referral.referredBy], data, ...target })).length;
  for (const n of input.routed.notify) sent += (await notifications.send({ template: n.template, to: n.to, data, ...target })).length;
  return new StepResponse({ sent });
});

export const submitReferralWorkflow = createWorkflow('submit-referral', (input: SubmitInput) => {
  const routed = routeReferralStep(input);
  const state = requestApprovalStep(routed);
  const letter = renderLetterStep(transform({ input, state }, ({ input }) => ({ referralId: input.referralId, actor: input.actor })));
  const notified = notifyStep(transform({ routed, state, letter }, ({ routed, state }) => ({ routed, status: state.status })));
  const referralSubmitted = createHook(
    'referralSubmitted',
    transform({ routed, state, letter }, ({ routed, state, letter }) => ({
      referralId: routed.referralId,
      status: state.status,
      destination: routed.destination,
      priority: routed.priority,
      letterAttachmentId: letter.attachmentId,
    })),
  );
  const result = transform({ routed, state, letter, notified }, ({ routed, state, letter, notified }) => ({
    status: state.status,
    destination: routed.destination,
    priority: routed.priority,
    routedBy: routed.routedBy,
    approvalRequired: Boolean(routed.approval),
    decisions: routed.decisions,
    letterAttachmentId: letter.attachmentId,
    notificationsSent: notified.sent,
  }));
  return new WorkflowResponse(result, { hooks: [referralSubmitted] });
});

/** Runs the submission; a failed step's own error (409, 400...) reaches the caller after the compensations. */
export async function submitReferral(container: ReturnType<typeof referralContainer>, input: SubmitInput) {
  const { result, errors } = await submitReferralWorkflow(container as unknown as Parameters<typeof submitReferralWorkflow>[0]).run({ input, throwOnError: false });
  if (errors.length) {
    // Medusa hands back a step's error as a plain copy of its own properties: rebuild ours.
    const err = errors[0].error as Error | { message?: string; status?: unknown; errors?: Record<string, string>; extra?: Record<string, unknown> };
    if (err instanceof Error) throw err;
    if (typeof err?.status === 'number') throw new HttpError(err.status, String(err.message), err.errors, err.extra);
    throw Object.assign(new Error(String(err?.message ?? err)), err);
  }
  return result;
}
