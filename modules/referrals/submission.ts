/**
 * The submit action's way into the Medusa workflow, which is imported on first use (bootstrap
 * preloads it) so that hosts without referrals never pay for loading the SDK.
 */
import type { ModuleContext } from '../../server/host/types.js';
import type { SubmitInput } from './submission.workflow.js';

type Workflow = typeof import('./submission.workflow.js');
export type SubmissionResult = Awaited<ReturnType<Workflow['submitReferral']>>;

export interface ReferralSubmission {
  preload(): Promise<unknown>;
  submit(input: SubmitInput): Promise<SubmissionResult>;
}

export function referralSubmission(ctx: ModuleContext): ReferralSubmission {
  let ready: Promise<(input: SubmitInput) => Promise<SubmissionResult>> | null = null;
  const load = () =>
    (ready ??= import('./submission.workflow.js').then((wf) => {
      const container = wf.referralContainer(ctx);
      return (input: SubmitInput) => wf.submitReferral(container, input);
    }));
  return { preload: load, submit: async (input) => (await load())(input) };
}
