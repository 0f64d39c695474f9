import { QueryTypes } from 'sequelize';
import type { ModuleContext } from '../../../server/host/types.js';
import type { ResourceDefinition, Row } from '../../../server/http/resource.js';
import { Conflict } from '../../../server/http/errors.js';
import { closeSessionSchema, openSessionSchema } from '../validation.js';
import type { ApprovalApi } from '../../../server/workflows/approvals.js';

/**
 * A cashier's till: opened with a float, closed with the counted cash. The difference from the
 * expected cash is recorded; when the facility's rule set says so, closing waits for approval
 * through the approvals service (see approvals.ts).
 */
export function cashSessionResource({ models, sequelize, services, config }: ModuleContext): ResourceDefinition {
  const { CashSession } = models;

  const expectedCash = async (session: Row) => {
    const [row] = await sequelize.query<{ cash: number }>(
      `SELECT coalesce(sum(amount), 0)::int AS cash FROM payments WHERE cash_session_id = :id AND method = 'cash'`,
      { type: QueryTypes.SELECT, replacements: { id: session.id } },
    );
    return session.openingFloat + row.cash;
  };

  return {
    name: 'cash-sessions',
    label: 'Cash sessions',
    model: CashSession,
    createSchema: openSessionSchema,
    sortable: ['openedAt', 'closedAt', 'status', 'difference', 'createdAt'],
    defaultSort: ['openedAt', 'DESC'],
    filters: { cashierId: 'eq', status: 'eq', openedAt: 'range' },
    ownerField: 'cashierId',
    operations: { update: false, delete: false },
    async beforeCreate(ctx, data) {
      if (await CashSession.findOne({ where: { cashierId: ctx.user.id, status: 'open' } })) throw new Conflict('You already have an open cash session; close it first');
      return { ...data, cashierId: ctx.user.id, openedAt: new Date() };
    },
    async detail(_ctx, row) {
      return row.status === 'open' ? { ...row, expectedCash: await expectedCash(row) } : row;
    },
    actions: [
      {
        name: 'close',
        summary: 'Close the till with the counted cash; a difference above the threshold waits for approval',
        schema: closeSessionSchema,
        async handler(ctx, { record, body }) {
          const session = record!.get({ plain: true }) as Row;
          if (session.status !== 'open') throw new Conflict(`This cash session is already ${session.status}`);
          const expected = await expectedCash(session);
          const difference = body.countedCash - expected;
          const decisions = await services.rules.decide('cash-session.closing', { difference, absDifference: Math.abs(difference), expectedCash: expected, currency: config.currency });
          const approval = decisions.find((d) => d.type === 'approval.required');
          await record!.update({
            status: approval ? 'pending-approval' : 'closed',
            closedAt: new Date(),
            expectedCash: expected,
            countedCash: body.countedCash,
            difference,
            closeNote: body.note ?? null,
            updatedBy: ctx.user.id,
          });
          if (approval) {
            await services.get<ApprovalApi>('approvals').request({
              resource: 'cash-sessions',
              recordId: session.id,
              chain: approval.params.chain as string[],
              summary: `Till of ${ctx.user.name}: counted ${body.countedCash}, expected ${expected} (difference ${difference}, minor units)`,
              ruleSet: approval.ruleSet,
              ctx,
            });
          }
          return { ...(record!.get({ plain: true }) as Row), approvalRequired: approval ? approval.params : null };
        },
      },
    ],
  };
}
