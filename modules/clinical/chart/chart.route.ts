import type { Router } from 'express';
import { QueryTypes } from 'sequelize';
import type { ModuleContext } from '../../../server/host/types.js';
import { asyncRoute } from '../../../server/http/async-route.js';
import { requireUser } from '../../../server/http/context.js';
import { Forbidden, Invalid, NotFound } from '../../../server/http/errors.js';
import { chartQuerySchema } from '../validation.js';
import { decodeCursor } from './chart.queries.js';
import { loadChart, type Query, type TimeWindow } from './chart.service.js';

/** What the triage module may offer through `services.get('triage')`: its vital signs (with `takenAt`) in a time window. */
interface VitalSignsSource {
  vitalSignsOf(patientId: string, window: TimeWindow, limit: number): Promise<Record<string, unknown>[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /api/patients/:id/chart?before=<cursor>&limit=: the patient's history in one call, newest
 * first. Guarded by read on encounters; every other section appears only for a reader who may
 * read that resource, so a cashier's chart shows visits and encounters but no diagnosis.
 */
export function chartRoutes({ sequelize, services }: ModuleContext, { api }: { api: Router }) {
  const query: Query = (sql, bind) => sequelize.query(sql, { bind, type: QueryTypes.SELECT });

  api.get(
    '/patients/:id/chart',
    asyncRoute(async (req, res) => {
      const user = requireUser(req);
      const can = (resource: string) => services.access.can(user.roles, 'read', resource);
      const encounters = can('encounters');
      if (!encounters.granted) throw new Forbidden('Your role may not read encounters');
      const { before, limit } = chartQuerySchema.parse(req.query);
      const cursor = before ? decodeCursor(before) : null;
      if (before && !cursor) throw new Invalid('The cursor is not one this chart gave out', { before: 'a cursor from a previous page' });
      const patientId = req.params.id;
      if (!UUID.test(patientId)) throw new NotFound(`No patient with id ${patientId}`);
      const [exists] = await query(`SELECT 1 FROM patients WHERE id = $1`, [patientId]);
      if (!exists) throw new NotFound(`No patient with id ${patientId}`);

      const patients = can('patients');
      const vitals = can('vital-signs').granted && services.provided.has('triage') ? services.get<Partial<VitalSignsSource>>('triage') : null;
      const page = await loadChart(query, {
        patientId,
        before: cursor,
        limit,
        include: {
          patient: patients.granted,
          diagnoses: can('encounter-diagnoses').granted,
          visits: can('visits').granted && services.registry.resources.has('visits'),
          allergies: can('patient-allergies').granted,
        },
        vitalSigns: typeof vitals?.vitalSignsOf === 'function' ? vitals.vitalSignsOf.bind(vitals) : undefined,
        shapeEncounter: (row) => encounters.filter(row),
      });
      if (page.patient) page.patient = patients.filter(page.patient);
      // Opening a chart is a read of patient data: who looked, and when, is kept.
      await services.audit.record(req.ctx, { action: 'read-chart', resource: 'patients', recordId: patientId });
      res.json(page);
    }),
  );
}
