/**
 * `failed-jobs`: jobs that used up their retries, for superadmin, in the ra-data-simple-rest
 * list protocol (they live in the queue, not in a table), and `POST /:id/retry`.
 */
import type { Router } from 'express';
import type { Sequelize } from 'sequelize';
import type { Services } from '../host/services.js';
import { asyncRoute } from '../http/async-route.js';
import { requireUser } from '../http/context.js';
import { Forbidden, Invalid, NotFound } from '../http/errors.js';

export const FAILED_JOBS = 'failed-jobs';

export function failedJobRoutes(api: Router, services: Services, sequelize: Sequelize, maxPageSize: number) {
  const allow = (roles: string[], action: string) => {
    if (!services.access.can(roles, action, FAILED_JOBS).granted) throw new Forbidden(`Your role may not ${action} ${FAILED_JOBS}`);
  };

  api.get(
    `/${FAILED_JOBS}`,
    asyncRoute(async (req, res) => {
      allow(requireUser(req).roles, 'read');
      let range: unknown = [0, 24];
      try {
        if (typeof req.query.range === 'string') range = JSON.parse(req.query.range);
      } catch {
        throw new Invalid('range is not valid JSON', { range: 'e.g. [0,24]' });
      }
      if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isInteger(n) && n >= 0) || range[1] < range[0]) {
        throw new Invalid('range must be [from, to]', { range: 'e.g. [0,24]' });
      }
      const offset = range[0] as number;
      const limit = Math.min((range[1] as number) - offset + 1, maxPageSize);
      const { rows, total } = await services.jobs.failed(offset, limit);
      res.set('Content-Range', `${FAILED_JOBS} ${offset}-${rows.length ? offset + rows.length - 1 : offset}/${total}`);
      res.json(rows);
    }),
  );

  api.post(
    `/${FAILED_JOBS}/:id/retry`,
    asyncRoute(async (req, res) => {
      allow(requireUser(req).roles, 'retry');
      if (!/^[\w.-]{1,100}$/.test(req.params.id) || !(await services.jobs.retry(req.params.id))) throw new NotFound(`No failed job ${req.params.id}`);
      await sequelize.transaction(() => services.audit.record(req.ctx, { action: 'retry', resource: FAILED_JOBS, recordId: req.params.id }));
      res.json({ ok: true });
    }),
  );
}
