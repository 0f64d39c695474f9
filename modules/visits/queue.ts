/**
 * The queue: legal moves of a visit, the order patients are seen in (triage priority, then
 * arrival) and what the waiting-room display may show (tokens only).
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import { Conflict } from '../../server/http/errors.js';

/** Which queue statuses each action moves from, and to. */
export const TRANSITIONS = {
  call: { from: ['waiting'], to: 'called', stamp: 'calledAt' },
  start: { from: ['called'], to: 'in-consultation', stamp: 'startedAt' },
  complete: { from: ['in-consultation'], to: 'done', stamp: 'completedAt' },
  left: { from: ['waiting', 'called'], to: 'left', stamp: 'leftAt' },
} as const;
export type QueueAction = keyof typeof TRANSITIONS;

const LABELS: Record<string, string> = { waiting: 'waiting', called: 'called', 'in-consultation': 'in consultation', done: 'done', left: 'gone (left without being seen)' };

export function assertTransition(action: QueueAction, status: string, token: string) {
  const t = TRANSITIONS[action];
  if (!(t.from as readonly string[]).includes(status)) {
    throw new Conflict(`Token ${token} is ${LABELS[status] ?? status}; "${action}" is only possible when it is ${t.from.map((s) => LABELS[s]).join(' or ')}`, {
      queueStatus: status,
    });
  }
}

/** Active visits of a clinic's day for staff: called and in consultation first, then the waiting line. */
export function staffQueue(sequelize: Sequelize, clinicId: string, date: string) {
  return sequelize.query(
    `SELECT v.id, v.token, v.queue_status AS "queueStatus", v.priority, v.arrived_at AS "arrivedAt", v.called_at AS "calledAt",
            v.started_at AS "startedAt", v.appointment_id AS "appointmentId", v.provider_id AS "providerId",
            v.patient_id AS "patientId", p.mrn, p.given_name || ' ' || p.family_name AS "patientName", p.sex, p.birth_date AS "birthDate",
            CASE WHEN v.queue_status = 'waiting'
                 THEN row_number() OVER (PARTITION BY v.queue_status = 'waiting' ORDER BY v.priority_rank, v.arrived_at) END::int AS position
       FROM visits v JOIN patients p ON p.id = v.patient_id
      WHERE v.clinic_id = :clinicId AND v.queue_date = :date AND v.queue_status IN ('waiting', 'called', 'in-consultation')
      ORDER BY CASE v.queue_status WHEN 'in-consultation' THEN 0 WHEN 'called' THEN 1 ELSE 2 END, v.priority_rank, v.arrived_at`,
    { type: QueryTypes.SELECT, replacements: { clinicId, date } },
  );
}

/** The waiting room's view: tokens being called and waiting, in order. Nothing else leaves here. */
export async function displayTokens(sequelize: Sequelize, clinicId: string, date: string) {
  const rows = await sequelize.query<{ token: string; queueStatus: string }>(
    `SELECT token, queue_status AS "queueStatus" FROM visits
      WHERE clinic_id = :clinicId AND queue_date = :date AND queue_status IN ('waiting', 'called')
      ORDER BY CASE queue_status WHEN 'called' THEN 0 ELSE 1 END,
               CASE WHEN queue_status = 'called' THEN -extract(epoch FROM called_at) END, priority_rank, arrived_at`,
    { type: QueryTypes.SELECT, replacements: { clinicId, date } },
  );
  return {
    calling: rows.filter((r) => r.queueStatus === 'called').map((r) => r.token),
    waiting: rows.filter((r) => r.queueStatus === 'waiting').map((r) => r.token),
  };
}
