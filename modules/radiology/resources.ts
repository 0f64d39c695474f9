import { Op, QueryTypes, Sequelize, type Model } from 'sequelize';
import type { ModuleContext } from '../../server/host/types.js';
import type { HandlerContext, ResourceDefinition, Row } from '../../server/http/resource.js';
import { Conflict, Invalid } from '../../server/http/errors.js';
import { addendumSchema, cancelSchema, orderSchema, orderUpdateSchema, performSchema, reportSchema, reportUpdateSchema, scheduleSchema, studySchema } from './validation.js';
import { contains } from '../../server/http/query.js';

type Rec = Model & Row;
const OPEN = ['ordered', 'scheduled', 'performed', 'reported'];
const TARGET_MINUTES: Record<string, number | null> = { stat: 60, urgent: 240, routine: null };

export function radiologyResources({ models, sequelize, services }: ModuleContext): ResourceDefinition[] {
  const { ImagingStudy, ImagingOrder, ImagingReport } = models;
  const select = (sql: string, replacements: Row) => sequelize.query<Row>(sql, { type: QueryTypes.SELECT, replacements });

  async function charge(ctx: HandlerContext, order: Rec, event: 'charge.created' | 'charge.cancelled') {
    const source = { sourceResource: 'imaging-orders', sourceId: order.get('id') };
    if (event === 'charge.cancelled') return services.events.emit(event, source, ctx);
    const study = (await ImagingStudy.findByPk(order.get('studyId') as string, { raw: true })) as Row;
    await services.events.emit(event, { patientId: order.get('patientId'), encounterId: order.get('encounterId'), department: 'radiology', priceCode: study.priceCode, description: `${study.name} (${order.get('orderNumber')})`, quantity: 1, ...source }, ctx);
  }

  const requireStatus = (order: Rec, allowed: string[], doing: string) => {
    if (!allowed.includes(order.get('status') as string)) throw new Conflict(`Imaging order ${order.get('orderNumber')} is ${order.get('status')}; it cannot be ${doing}`, { status: order.get('status') });
  };

  const studies: ResourceDefinition = {
    name: 'imaging-studies',
    label: 'Imaging studies',
    model: ImagingStudy,
    createSchema: studySchema,
    sortable: ['id', 'code', 'name', 'modality', 'bodyPart'],
    defaultSort: ['name', 'ASC'],
    filters: { modality: 'eq', bodyPart: 'eq', active: 'eq', code: 'eq' },
    search: (q) => ({ [Op.or]: [{ name: contains(q) }, { code: contains(q) }, { bodyPart: contains(q) }] }),
    operations: { delete: false },
  };

  const orders: ResourceDefinition = {
    name: 'imaging-orders',
    label: 'Imaging orders',
    model: ImagingOrder,
    createSchema: orderSchema,
    updateSchema: orderUpdateSchema,
    sortable: ['id', 'orderedAt', 'dueAt', 'scheduledAt', 'priority', 'status', 'orderNumber'],
    defaultSort: ['orderedAt', 'DESC'],
    filters: {
      status: 'eq',
      priority: 'eq',
      patientId: 'eq',
      encounterId: 'eq',
      studyId: 'eq',
      orderedBy: 'eq',
      orderedAt: 'range',
      scheduledAt: 'range',
      overdue: (v) => (v === true || v === 'true' ? { status: OPEN, dueAt: { [Op.lt]: new Date() } } : undefined),
    },
    search: (q) => ({ orderNumber: q.trim().toUpperCase() }),
    orderBy: (field, dir) =>
      field === 'priority'
        ? [[Sequelize.literal(`CASE priority WHEN 'stat' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`), dir === 'ASC' ? 'ASC' : 'DESC'], ['orderedAt', 'ASC'], ['id', 'ASC']]
        : [[field, dir], ['id', 'ASC']],
    operations: { delete: false },
    serialize: (row) => ({ ...row, overdue: OPEN.includes(row.status) && new Date(row.dueAt).getTime() < Date.now() }),
    async beforeCreate(ctx, data) {
      const [encounter] = await select(`SELECT id, patient_id, status FROM encounters WHERE id = :id`, { id: data.encounterId });
      if (!encounter) throw new Invalid('No such encounter', { encounterId: 'no such encounter' });
      if (encounter.status !== 'open') throw new Conflict('The encounter is closed; studies are ordered during an open encounter', {}, { encounterId: 'is closed' });
      const study = (await ImagingStudy.findOne({ where: { id: data.studyId, active: true }, raw: true })) as Row | null;
      if (!study) throw new Invalid('Unknown or inactive study', { studyId: 'unknown or inactive study' });
      const minutes = TARGET_MINUTES[data.priority] ?? study.turnaroundMinutes;
      return { ...data, patientId: encounter.patient_id, orderedBy: ctx.user.id, orderedAt: new Date(), dueAt: new Date(Date.now() + minutes * 60_000) };
    },
    async afterCreate(ctx, record) {
      await record.reload();
      await charge(ctx, record, 'charge.created');
      return { orderNumber: record.get('orderNumber') };
    },
    beforeUpdate(_ctx, record, data) {
      requireStatus(record, ['ordered', 'scheduled'], 'changed');
      return data;
    },
    async detail(_ctx, row) {
      const [[study], reports, [orderer]] = await Promise.all([
        select(`SELECT code, name, modality, body_part AS "bodyPart", preparation FROM imaging_studies WHERE id = :id`, { id: row.studyId }),
        select(`SELECT id, findings, impression, signed_at AS "signedAt", author_id AS "authorId" FROM imaging_reports WHERE order_id = :id`, { id: row.id }),
        // The name only: radiographers do not read the users resource.
        select(`SELECT name FROM users WHERE id = :id`, { id: row.orderedBy }),
      ]);
      return { ...row, study, report: reports[0] ?? null, orderedByName: orderer?.name ?? null };
    },
    actions: [
      {
        name: 'schedule',
        schema: scheduleSchema,
        summary: 'Book the room and time (again to reschedule)',
        async handler(ctx, { record, body }) {
          requireStatus(record!, ['ordered', 'scheduled'], 'scheduled');
          return record!.update({ status: 'scheduled', scheduledAt: new Date(body.scheduledAt), room: body.room ?? record!.get('room'), updatedBy: ctx.user.id });
        },
      },
      {
        name: 'perform',
        schema: performSchema,
        summary: 'The images were taken (attach them with the attachments resource)',
        async handler(ctx, { record, body }) {
          requireStatus(record!, ['ordered', 'scheduled'], 'performed');
          return record!.update({ status: 'performed', performedAt: body.performedAt ? new Date(body.performedAt) : new Date(), performedBy: ctx.user.id, updatedBy: ctx.user.id });
        },
      },
      {
        name: 'verify',
        summary: 'A second clinician confirms the signed report (never its author)',
        async handler(ctx, { record }) {
          requireStatus(record!, ['reported'], 'verified');
          const report = (await ImagingReport.findOne({ where: { orderId: record!.get('id') }, raw: true })) as Row;
          if (report.signedBy === ctx.user.id) throw new Conflict('You signed this report: another person must verify it (four-eyes rule)', { rule: 'four-eyes' });
          return record!.update({ status: 'verified', verifiedAt: new Date(), verifiedBy: ctx.user.id, updatedBy: ctx.user.id });
        },
      },
      {
        name: 'cancel',
        schema: cancelSchema,
        summary: 'Cancel before the study is performed, with a reason; the charge is cancelled',
        async handler(ctx, { record, body }) {
          requireStatus(record!, ['ordered', 'scheduled'], 'cancelled (already performed)');
          await record!.update({ status: 'cancelled', cancelledAt: new Date(), cancelledBy: ctx.user.id, cancelReason: body.reason, updatedBy: ctx.user.id });
          await charge(ctx, record!, 'charge.cancelled');
          return record;
        },
      },
    ],
  };

  const reports: ResourceDefinition = {
    name: 'imaging-reports',
    label: 'Imaging reports',
    model: ImagingReport,
    createSchema: reportSchema,
    updateSchema: reportUpdateSchema,
    sortable: ['id', 'createdAt', 'signedAt'],
    filters: { orderId: 'eq', authorId: 'eq', signed: (v) => (v === true || v === 'true' ? { signedAt: { [Op.ne]: null } } : v === false || v === 'false' ? { signedAt: null } : undefined) },
    search: (q) => ({ [Op.or]: [{ findings: contains(q) }, { impression: contains(q) }] }),
    operations: { delete: false },
    async beforeCreate(ctx, data) {
      const order = (await ImagingOrder.findByPk(data.orderId, { lock: true })) as Rec | null;
      if (!order) throw new Invalid('No such imaging order', { orderId: 'no such imaging order' });
      requireStatus(order, ['performed'], 'reported (perform the study first)');
      if (await ImagingReport.count({ where: { orderId: data.orderId } })) throw new Conflict('This order already has a report; edit it', {}, { orderId: 'already reported' });
      return { ...data, authorId: ctx.user.id };
    },
    beforeUpdate(_ctx, record, data) {
      if (record.get('signedAt')) throw new Conflict('A signed report is never changed; add an addendum');
      return data;
    },
    async detail(_ctx, row) {
      const addenda = await select(
        `SELECT a.id, a.text, a.created_at AS "createdAt", a.author_id AS "authorId", u.name AS "authorName" FROM imaging_report_addenda a JOIN users u ON u.id = a.author_id WHERE a.report_id = :id ORDER BY a.created_at`,
        { id: row.id },
      );
      return { ...row, addenda };
    },
    actions: [
      {
        name: 'sign',
        summary: 'Sign the report: it becomes immutable and the order is reported',
        async handler(ctx, { record }) {
          if (record!.get('signedAt')) throw new Conflict('This report is already signed');
          if (!String(record!.get('findings')).trim() || !String(record!.get('impression')).trim()) {
            throw new Invalid('Write the findings and the impression before signing', { findings: 'required to sign', impression: 'required to sign' });
          }
          await record!.update({ signedAt: new Date(), signedBy: ctx.user.id, updatedBy: ctx.user.id });
          const order = (await ImagingOrder.findByPk(record!.get('orderId') as string, { lock: true })) as Rec;
          await order.update({ status: 'reported', reportedAt: new Date(), updatedBy: ctx.user.id });
          return record;
        },
      },
      {
        name: 'addendum',
        schema: addendumSchema,
        summary: 'Add to a signed report; the report itself never changes',
        async handler(ctx, { record, body }) {
          if (!record!.get('signedAt')) throw new Conflict('Edit the draft directly; addenda are for signed reports');
          const [row] = await select(
            `INSERT INTO imaging_report_addenda (report_id, author_id, text) VALUES (:id, :author, :text) RETURNING id, text, created_at AS "createdAt", author_id AS "authorId"`,
            { id: record!.get('id'), author: ctx.user.id, text: body.text },
          );
          return row;
        },
      },
    ],
  };

  return [studies, orders, reports];
}
