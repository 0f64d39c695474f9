/**
 * The resource factory: one definition gives a REST resource that speaks the
 * ra-data-simple-rest protocol exactly (list with sort/range/filter and Content-Range, get,
 * create, update, delete), plus custom actions at POST /api/<res>/:id/<action>. Every route
 * checks its own AccessControl action; every mutation and its audit row share a transaction.
 */
import express, { type Request, type Response, type Router } from 'express';
import { DataTypes, Op, type Model, type ModelStatic, type Order, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import type { Services } from '../host/services.js';
import type { Permission } from '../access/access-control.js';
import { diff } from '../audit/audit.js';
import { requireUser, type AuthUser, type RequestContext } from './context.js';
import { Conflict, Forbidden, HttpError, Invalid, NotFound } from './errors.js';
import { buildWhere, parseListQuery, type FilterSpec } from './query.js';
import { asyncRoute } from './async-route.js';
import { countRows, param, plainQuery, preparedSelect, readsPlainly, selectRows } from '../db/select.js';

export type Row = Record<string, any>;

export interface HandlerContext extends RequestContext {
  user: AuthUser;
  services: Services;
  permission: Permission;
  req: Request;
}

export interface ActionDefinition {
  /** URL segment: POST /api/<res>/:id/<name>. */
  name: string;
  /** AccessControl action checked (default: the name). */
  access?: string;
  summary?: string;
  schema?: z.ZodType;
  /** Run in a transaction with an audit row (default true). */
  audited?: boolean;
  /** Does not touch a record: POST /api/<res>/<name> (or GET with method 'get'). */
  collection?: boolean;
  method?: 'post' | 'get';
  handler(ctx: HandlerContext, input: { record?: Model & Row; body: any; query: Record<string, unknown> }): Promise<unknown>;
  /** Optional custom responder (files, PDFs). */
  respond?(res: Response, result: any): void;
}

export interface ResourceDefinition<M extends Model = Model> {
  name: string;
  model: ModelStatic<M>;
  label?: string;
  description?: string;
  createSchema?: z.ZodObject<any>;
  /** Default: createSchema.partial(). */
  updateSchema?: z.ZodObject<any>;
  sortable?: string[];
  defaultSort?: [string, 'ASC' | 'DESC'];
  filters?: Record<string, FilterSpec>;
  /** Full-text-ish search for filter.q. */
  search?(q: string): WhereOptions;
  /** Custom ORDER BY for a sort field (e.g. an expression that lets the planner use another index). */
  orderBy?(field: string, dir: 'ASC' | 'DESC', filter: Record<string, unknown>): Order;
  /** Field naming the owning user, for grants with possession `own`. */
  ownerField?: string;
  operations?: Partial<Record<'list' | 'get' | 'create' | 'update' | 'delete', boolean>>;
  /** Log every read of a single record (patient data). */
  auditReads?: boolean;
  /** Unfiltered lists of big tables use the planner's row estimate for the total. */
  estimateCount?: boolean;
  /** Attributes never sent to clients. */
  hidden?: string[];
  beforeCreate?(ctx: HandlerContext, data: Row): Promise<Row | void> | Row | void;
  afterCreate?(ctx: HandlerContext, record: M & Row, data: Row): Promise<Row | void>;
  beforeUpdate?(ctx: HandlerContext, record: M & Row, data: Row): Promise<Row | void> | Row | void;
  afterUpdate?(ctx: HandlerContext, record: M & Row, before: Row): Promise<void>;
  beforeDelete?(ctx: HandlerContext, record: M & Row): Promise<void> | void;
  /** Adds related data to a single record (GET /:id) before attribute filtering. */
  detail?(ctx: HandlerContext, row: Row): Promise<Row>;
  /** Adds computed fields to each serialized record. */
  serialize?(row: Row, ctx: HandlerContext): Row;
  actions?: ActionDefinition[];
  /** A printable document: GET /api/<res>/:id/pdf (needs read). */
  document?: {
    template: string;
    title?(row: Row): string;
    data(ctx: HandlerContext, row: Row): Promise<Record<string, unknown>>;
  };
}

function ids(filter: Record<string, unknown>) {
  return Array.isArray(filter.id) ? filter.id.length : filter.id !== undefined ? 1 : 0;
}

export function plain(record: Model | Row): Row {
  // A copy: without includes, Sequelize hands back its live dataValues object.
  return typeof (record as Model).get === 'function' ? { ...(record as Model).get({ plain: true }) } : { ...(record as Row) };
}

export class ResourceRouter {
  constructor(
    private services: Services,
    private maxPageSize: number,
  ) {}

  /** AccessControl check; 403 when not granted. */
  authorize(req: Request, action: string, resource: string): HandlerContext {
    const user = requireUser(req);
    const permission = this.services.access.can(user.roles, action, resource);
    if (!permission.granted) throw new Forbidden(`Your role may not ${action} ${resource}`);
    return { ...req.ctx, user, services: this.services, permission, req };
  }

  build(def: ResourceDefinition): Router {
    const router = express.Router();
    const { model, name } = def;
    const ops = { list: true, get: true, create: true, update: true, delete: true, ...def.operations };
    const attributes = Object.keys(model.getAttributes());
    const uuidKey = model.getAttributes()[model.primaryKeyAttribute]?.type instanceof DataTypes.UUID;
    const visible = attributes.filter((a) => !def.hidden?.includes(a));
    const sortable = def.sortable ?? ['id', 'createdAt', 'updatedAt'];
    const defaultSort = def.defaultSort ?? [sortable.includes('createdAt') ? 'createdAt' : sortable[0], 'DESC'];
    const filters = def.filters ?? {};
    const createSchema = def.createSchema;
    const updateSchema = def.updateSchema ?? createSchema?.partial();
    const sequelize = model.sequelize!;
    const audit = this.services.audit;
    const plainReads = readsPlainly(model);

    const out = (ctx: HandlerContext, record: Model | Row): Row => {
      const row = plain(record);
      for (const h of def.hidden ?? []) delete row[h];
      const shaped = def.serialize ? def.serialize(row, ctx) : row;
      return ctx.permission.filter(shaped);
    };

    const ownerCheck = (ctx: HandlerContext, record: Row) => {
      if (ctx.permission.possession !== 'own') return;
      if (!def.ownerField || record[def.ownerField] !== ctx.user.id) throw new Forbidden(`You may only see your own ${name}`);
    };

    const checkId = (id: string) => {
      if (uuidKey && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new NotFound(`No ${name} with id ${id}`);
    };

    const load = async (ctx: HandlerContext, id: string, lock = false) => {
      checkId(id);
      const record = await model.findByPk(id, lock ? { lock: true } : undefined);
      if (!record) throw new NotFound(`No ${name} with id ${id}`);
      ownerCheck(ctx, plain(record));
      return record as Model & Row;
    };

    // Rows read plainly get the model's attribute getters (a DECIMAL as a number), so a list
    // and a single record answer the same values; most models have none and skip this.
    const withGetters = Object.values(model.getAttributes()).some((a) => typeof a.get === 'function')
      ? (row: Row): Row => plain(model.build(row, { raw: true, isNewRecord: false }))
      : (row: Row): Row => row;

    const byId = preparedSelect(model, { where: { [model.primaryKeyAttribute]: param(1) }, attributes, limit: 1 });
    const read = async (ctx: HandlerContext, id: string): Promise<Row> => {
      if (!plainReads) return plain(await load(ctx, id));
      checkId(id);
      const [row] = await byId([id]);
      if (!row) throw new NotFound(`No ${name} with id ${id}`);
      ownerCheck(ctx, row);
      return withGetters(row);
    };

    const writable = (ctx: HandlerContext, data: Row) => {
      const attrs = ctx.permission.attributes;
      if (attrs.length === 1 && attrs[0] === '*') return data;
      const filtered = ctx.permission.filter(data);
      const refused = Object.keys(data).filter((k) => !(k in filtered));
      if (refused.length) throw new Forbidden(`Your role may not set ${refused.join(', ')}`);
      return data;
    };

    const parse = (schema: z.ZodType | undefined, body: unknown) => {
      if (!schema) throw new HttpError(405, `${name} cannot be written through this route`);
      if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Invalid('The request body must be a JSON object');
      return schema.parse(body) as Row;
    };

    if (ops.list) {
      router.get(
        '/',
        asyncRoute(async (req, res) => {
          const ctx = this.authorize(req, 'read', name);
          const q = parseListQuery(req.query as Record<string, unknown>, { sortable, defaultSort, filters, maxPageSize: this.maxPageSize });
          const parts = buildWhere(q.filter, filters);
          if (typeof q.filter.q === 'string' && q.filter.q.trim()) {
            if (!def.search) throw new Invalid(`${name} has no search`, { q: 'search is not available here' });
            parts.push(def.search(q.filter.q.trim()));
          }
          if (ctx.permission.possession === 'own') {
            if (!def.ownerField) throw new Forbidden();
            parts.push({ [def.ownerField]: ctx.user.id });
          }
          const where = parts.length ? { [Op.and]: parts } : {};
          if (!q.ranged && ids(q.filter)) q.limit = Math.min(ids(q.filter), this.maxPageSize);
          const order: Order = def.orderBy?.(q.sort[0], q.sort[1], q.filter) ?? [[q.sort[0], q.sort[1]], ...(q.sort[0] !== 'id' ? [['id', 'ASC']] : [])] as Order;
          const [rows, total] = await Promise.all([
            plainReads ? selectRows(model, { where, order, offset: q.offset, limit: q.limit, attributes: visible }) : model.findAll({ where, order, offset: q.offset, limit: q.limit, attributes: visible, raw: true }),
            this.count(def, where, parts.length === 0, plainReads),
          ]);
          const end = rows.length ? q.offset + rows.length - 1 : q.offset;
          res.set('Content-Range', `${name} ${q.offset}-${end}/${total}`);
          res.json(rows.map((r) => out(ctx, withGetters(r as Row))));
        }),
      );
    }

    // Custom actions come before /:id so collection actions are not taken for ids.
    for (const action of def.actions ?? []) {
      const path = action.collection ? `/${action.name}` : `/:id/${action.name}`;
      router[action.method ?? 'post'](
        path,
        asyncRoute(async (req, res) => {
          const ctx = this.authorize(req, action.access ?? action.name, name);
          const body = action.schema ? action.schema.parse(req.body ?? {}) : req.body;
          const run = async () => {
            const record = action.collection ? undefined : await load(ctx, req.params.id, action.audited !== false);
            const before = record ? plain(record) : undefined;
            const result = await action.handler(ctx, { record, body, query: req.query as Record<string, unknown> });
            if (action.audited !== false) {
              const after = record ? plain(await record.reload()) : undefined;
              const d = before && after ? diff(before, after) : { before: null, after: null };
              await audit.record(ctx, {
                action: action.name,
                resource: name,
                recordId: record ? String(record.get('id')) : null,
                before: d.before,
                after: { ...(d.after ?? {}), ...(body && typeof body === 'object' && Object.keys(body).length ? { input: body } : {}) },
              });
            }
            return result;
          };
          const result = action.audited === false ? await run() : await sequelize.transaction(run);
          if (action.respond) return action.respond(res, result);
          res.json(result && typeof result === 'object' && 'get' in result ? out(ctx, result as Model) : result ?? { ok: true });
        }),
      );
    }

    if (def.document) {
      const doc = def.document;
      router.get(
        '/:id/pdf',
        asyncRoute(async (req, res) => {
          const ctx = this.authorize(req, 'read', name);
          const row = await read(ctx, req.params.id);
          const title = doc.title?.(row) ?? `${name}-${row.id}`;
          const pdf = await this.services.documents.renderPdf(doc.template, ctx.permission.filter(await doc.data(ctx, row)), { title });
          await audit.record(ctx, { action: 'print', resource: name, recordId: String(row.id) });
          res.type('application/pdf').set('Content-Disposition', `inline; filename="${title.replace(/[^\w.-]+/g, '_')}.pdf"`).send(pdf);
        }),
      );
    }

    if (ops.get) {
      router.get(
        '/:id',
        asyncRoute(async (req, res) => {
          const ctx = this.authorize(req, 'read', name);
          const row = await read(ctx, req.params.id);
          // The read is logged while the related data loads.
          const [, detailed] = await Promise.all([
            def.auditReads ? audit.record(ctx, { action: 'read', resource: name, recordId: String(row.id) }) : undefined,
            def.detail ? def.detail(ctx, row) : row,
          ]);
          res.json(out(ctx, detailed));
        }),
      );
    }

    if (ops.create) {
      router.post(
        '/',
        asyncRoute(async (req, res) => {
          const ctx = this.authorize(req, 'create', name);
          const data = writable(ctx, parse(createSchema, req.body));
          let extra: Row | void = undefined;
          const record = await sequelize.transaction(async () => {
            const prepared = (await def.beforeCreate?.(ctx, data)) ?? data;
            const created = (await model.create({ ...prepared, createdBy: ctx.user.id, updatedBy: ctx.user.id } as any)) as Model & Row;
            extra = await def.afterCreate?.(ctx, created, data);
            await audit.record(ctx, { action: 'create', resource: name, recordId: String(created.get('id')), after: plain(created) });
            return created;
          });
          res.status(201).json({ ...out(ctx, record), ...(extra ?? {}) });
        }),
      );
    }

    if (ops.update) {
      router.put(
        '/:id',
        asyncRoute(async (req, res) => {
          const ctx = this.authorize(req, 'update', name);
          const body = req.body as Row;
          const data = writable(ctx, parse(updateSchema, body));
          const record = await sequelize.transaction(async () => {
            const current = await load(ctx, req.params.id, true);
            if (body.version !== undefined && Number(body.version) !== Number(current.get('version'))) {
              throw new Conflict('This record was changed by someone else since you opened it; reload it and try again', {
                currentVersion: current.get('version'),
              });
            }
            const before = plain(current);
            const prepared = (await def.beforeUpdate?.(ctx, current, data)) ?? data;
            current.set({ ...prepared, updatedBy: ctx.user.id });
            if (current.changed()) {
              await current.save();
              const d = diff(before, plain(current));
              await audit.record(ctx, { action: 'update', resource: name, recordId: String(current.get('id')), ...d });
              await def.afterUpdate?.(ctx, current, before);
            }
            return current;
          });
          res.json(out(ctx, record));
        }),
      );
    }

    if (ops.delete) {
      router.delete(
        '/:id',
        asyncRoute(async (req, res) => {
          const ctx = this.authorize(req, 'delete', name);
          const record = await sequelize.transaction(async () => {
            const current = await load(ctx, req.params.id, true);
            await def.beforeDelete?.(ctx, current);
            const before = plain(current);
            await current.destroy();
            await audit.record(ctx, { action: 'delete', resource: name, recordId: String(before.id), before });
            return current;
          });
          res.json(out(ctx, record));
        }),
      );
    }

    const refuse = (op: string) =>
      asyncRoute(async (req) => {
        this.authorize(req, op === 'delete' ? 'delete' : 'update', name);
        throw new HttpError(405, op === 'delete' ? `Records of ${name} are never deleted` : `${name} cannot be changed this way`);
      });
    if (!ops.delete) router.delete('/:id', refuse('delete'));
    if (!ops.update) router.put('/:id', refuse('update'));
    return router;
  }

  private async count(def: ResourceDefinition, where: WhereOptions, unfiltered: boolean, plainReads: boolean): Promise<number> {
    if (unfiltered && def.estimateCount) {
      const [row] = await plainQuery<{ n: string }>(def.model.sequelize!, `SELECT reltuples::bigint AS n FROM pg_class WHERE oid = to_regclass($1)`, [def.model.getTableName()]);
      // The estimate is only worth it on big tables; small ones count exactly.
      if (row && Number(row.n) > 50_000) return Number(row.n);
    }
    return plainReads ? countRows(def.model, where) : def.model.count({ where });
  }
}
