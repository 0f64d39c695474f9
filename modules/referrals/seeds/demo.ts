import { QueryTypes } from 'sequelize';
import type { ModuleContext } from '../../../server/host/types.js';

const HOUR = 3_600_000;

/** A handful of referrals at every stage, so the list and the KPIs show something. */
export async function seedDemoReferrals({ sequelize, models }: ModuleContext, progress: (d: number, t: number) => void) {
  const { Referral, Facility } = models;
  const [physician] = await sequelize.query<{ id: string }>(`SELECT id FROM users WHERE email = 'physician@healthcare.com'`, { type: QueryTypes.SELECT });
  const patients = await sequelize.query<{ id: string }>(`SELECT id FROM patients ORDER BY created_at LIMIT 6`, { type: QueryTypes.SELECT });
  const facilities = Object.fromEntries(((await Facility.findAll({ attributes: ['id', 'code'], raw: true })) as any[]).map((f) => [f.code, f.id]));
  if (!physician || patients.length < 6 || !facilities.KNH) return;
  const ago = (h: number) => new Date(Date.now() - h * HOUR);
  const base = (i: number, specialty: string, urgency: string) => ({ patientId: patients[i].id, referredBy: physician.id, createdBy: physician.id, specialty, urgency, reason: `Demo referral for ${specialty}` });
  const rows = [
    { ...base(0, 'cardiology', 'routine'), status: 'draft' },
    { ...base(1, 'oncology', 'urgent'), status: 'pending_approval', destinationId: facilities.KNH, priority: 'high', submittedAt: ago(3) },
    { ...base(2, 'maternity', 'routine'), status: 'sent', destinationId: facilities.MCH, priority: 'routine', submittedAt: ago(200), sentAt: ago(200), answerDueAt: ago(32) },
    { ...base(3, 'surgery', 'urgent'), status: 'accepted', destinationId: facilities.CRH, priority: 'urgent', submittedAt: ago(50), sentAt: ago(50), answeredAt: ago(30), reply: 'Seen in surgical clinic on Monday' },
    { ...base(4, 'neurology', 'routine'), status: 'rejected', destinationId: facilities.KNH, priority: 'high', submittedAt: ago(120), sentAt: ago(100), answeredAt: ago(40), reply: 'No neurologist available this month' },
    { ...base(5, 'paediatrics', 'routine'), status: 'completed', destinationId: facilities.MCH, priority: 'routine', submittedAt: ago(300), sentAt: ago(300), answeredAt: ago(280), reply: 'Accepted', completedAt: ago(100), outcome: 'Growth monitoring plan agreed' },
  ];
  for (const [i, r] of rows.entries()) {
    await Referral.create(r);
    progress(i + 1, rows.length);
  }
}
