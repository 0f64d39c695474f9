/**
 * A small test department for the workflow tests: it declares an event, owns a table of
 * requests and makes them approvable, so the tests exercise the layer the way a real module
 * (HR leave, helpdesk) will.
 */
import type { Sequelize } from 'sequelize';
import type { ModuleManifest } from '../../server/host/types.js';
import { Conflict } from '../../server/http/errors.js';
import type { ApprovalApi } from '../../server/workflows/approvals.js';

export const TEST_EVENT = 'wf-test-request.submitted';

export async function createRequestsTable(sequelize: Sequelize) {
  await sequelize.query(`CREATE TABLE IF NOT EXISTS wf_test_requests (id text PRIMARY KEY, status text NOT NULL, refuse_approval boolean NOT NULL DEFAULT false)`);
}

export const testDepartment: ModuleManifest = {
  id: 'wf-test',
  version: '0.0.0',
  label: 'Workflow test department',
  async bootstrap({ services, sequelize }) {
    services.events.declare({ name: TEST_EVENT, facts: ['days', 'department', 'urgent'], description: 'A test request was submitted' });
    const setStatus = async (id: string, status: string) => {
      const [rows] = await sequelize.query(`SELECT refuse_approval FROM wf_test_requests WHERE id = :id`, { replacements: { id } });
      if ((rows as { refuse_approval: boolean }[])[0]?.refuse_approval) throw new Conflict('The department refuses this change of state');
      await sequelize.query(`UPDATE wf_test_requests SET status = :status WHERE id = :id`, { replacements: { id, status } });
    };
    services.get<ApprovalApi>('approvals').register({
      resource: 'wf-test-requests',
      label: 'Test requests',
      onApproved: ({ approval }) => setStatus(approval.recordId, 'approved'),
      onRejected: ({ approval }) => setStatus(approval.recordId, 'rejected'),
    });
  },
};

export async function newRequest(sequelize: Sequelize, id: string, opts: { refuseApproval?: boolean } = {}) {
  await sequelize.query(`INSERT INTO wf_test_requests (id, status, refuse_approval) VALUES (:id, 'pending approval', :refuse)`, {
    replacements: { id, refuse: opts.refuseApproval ?? false },
  });
}

export async function requestStatus(sequelize: Sequelize, id: string) {
  const [rows] = await sequelize.query(`SELECT status FROM wf_test_requests WHERE id = :id`, { replacements: { id } });
  return (rows as { status: string }[])[0]?.status;
}

/**
 * Rules for one department (so rule sets of other tests never fire on these facts): more than
 * `days` days needs facility_head then medical_admin; otherwise medical_admin alone.
 */
export function approvalRules(days: number, department: string, extra: Record<string, unknown> = {}) {
  const forDepartment = { fact: 'department', operator: 'equal', value: department };
  return [
    {
      name: 'long requests need two levels',
      conditions: { all: [forDepartment, { fact: 'days', operator: 'greaterThan', value: days }] },
      event: { type: 'approval.required', params: { chain: ['facility_head', 'medical_admin'], slaHours: 24, ...extra } },
      priority: 2,
    },
    {
      name: 'short requests',
      conditions: { all: [forDepartment, { fact: 'days', operator: 'lessThanInclusive', value: days }] },
      event: { type: 'approval.required', params: { chain: ['medical_admin'], slaHours: 8 } },
    },
  ];
}
