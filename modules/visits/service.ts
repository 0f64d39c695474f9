/**
 * What the visits module offers its dependants (`services.get('visits')`): triage sets a
 * visit's priority through here, in its own transaction, with an audit row.
 */
import type { Model, ModelStatic } from 'sequelize';
import type { AuditService } from '../../server/audit/audit.js';
import type { RequestContext } from '../../server/http/context.js';
import { Conflict, Invalid } from '../../server/http/errors.js';
import type { Priority } from './validation.js';

export interface VisitsService {
  /** The visit, or null: id, patientId, clinicId, queueStatus, priority, token. */
  get(visitId: string): Promise<Record<string, any> | null>;
  setPriority(ctx: RequestContext, visitId: string, priority: Priority): Promise<void>;
}

export function visitsService(Visit: ModelStatic<Model>, audit: AuditService): VisitsService {
  return {
    async get(visitId) {
      const v = await Visit.findByPk(visitId, { raw: true });
      return (v as Record<string, any> | null) ?? null;
    },
    async setPriority(ctx, visitId, priority) {
      const visit = await Visit.findByPk(visitId, { lock: true });
      if (!visit) throw new Invalid('Unknown visit', { visitId: 'no such visit' });
      const status = visit.get('queueStatus') as string;
      if (status === 'done' || status === 'left') throw new Conflict(`Token ${visit.get('token')} is no longer in the queue (${status})`, { queueStatus: status });
      const before = visit.get('priority');
      if (before === priority) return;
      await visit.update({ priority, updatedBy: ctx.user?.id ?? null });
      await audit.record(ctx, { action: 'set-priority', resource: 'visits', recordId: visitId, before: { priority: before }, after: { priority } });
    },
  };
}
