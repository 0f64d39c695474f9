/**
 * Referrals: the directory of facilities patients are referred to, and referrals from draft
 * to the destination's answer. On submit, the `referral-routing` rule set decides where the
 * referral goes, how urgently, and whether it needs approval; a Medusa workflow
 * (submission.workflow.ts) routes, requests the approval, writes the letter and notifies.
 * An answer overdue escalates (a job).
 */
import { defineModule } from '../../server/host/types.js';
import { registerReferralApprovals } from './approvals.js';
import { ESCALATE_JOB, OVERDUE_EVENT, escalateOverdueReferrals } from './escalation.js';
import { grants } from './grants.js';
import { kpis } from './kpis.js';
import { defineReferralModels } from './models/referral.models.js';
import { referralResources } from './resources.js';
import { SUBMITTED_EVENT, SUBMITTED_FACTS } from './routing.js';
import { seedDemoReferrals } from './seeds/demo.js';
import { seedDefaultFacilities } from './seeds/facilities.js';
import { referralSubmission, type ReferralSubmission } from './submission.js';

export default defineModule({
  id: 'referrals',
  version: '1.0.0',
  label: 'Referrals',
  menu: 'Clinic',
  // A referral may come from an encounter (clinical), which is a visit of a patient.
  dependsOn: ['patients', 'clinical'],
  models: ({ sequelize }) => defineReferralModels(sequelize),
  grants,
  resources(ctx) {
    const submission = referralSubmission(ctx);
    ctx.services.provide<ReferralSubmission>('referrals', submission);
    return referralResources(ctx, submission);
  },
  kpis,
  jobs: [{ name: ESCALATE_JOB, repeat: '*/15 * * * *', handler: (ctx) => escalateOverdueReferrals(ctx) }],
  async bootstrap(ctx) {
    const { services } = ctx;
    services.events.declare({ name: SUBMITTED_EVENT, facts: SUBMITTED_FACTS, description: 'A physician submits a referral: decides destination, priority, approval, answer time' });
    services.events.declare({
      name: OVERDUE_EVENT,
      facts: ['referralId', 'number', 'specialty', 'urgency', 'destination', 'sentAt', 'answerDueAt'],
      description: 'A sent referral got no answer in time',
    });
    registerReferralApprovals(ctx);
    await services.get<ReferralSubmission>('referrals').preload();
  },
  seeds: { base: seedDefaultFacilities, demo: seedDemoReferrals },
});
