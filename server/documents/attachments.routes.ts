/**
 * Attachments outside the JSON resource protocol: the multipart upload, the list (scoped to the
 * records the user may read) and the download. Each route checks the `attachments` grant and
 * then the grant on the record the file belongs to.
 */
import fs from 'node:fs';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import multer from 'multer';
import { Op, type Model, type ModelStatic, type Sequelize } from 'sequelize';
import { z } from 'zod';
import type { Config } from '../../config/index.js';
import type { Services } from '../host/services.js';
import { asyncRoute } from '../http/async-route.js';
import { requireUser, type AuthUser } from '../http/context.js';
import { Forbidden, HttpError, Invalid, NotFound } from '../http/errors.js';
import { buildWhere, contains, parseListQuery, type FilterSpec } from '../http/query.js';
import type { AttachmentStore } from './attachment-store.js';
import { authorizeRecord, readableScope } from './record-access.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SORTABLE = ['createdAt', 'fileName', 'sizeBytes', 'mimeType'];
const FILTERS: Record<string, FilterSpec> = { resource: 'eq', recordId: 'eq', mimeType: 'eq', createdAt: 'range' };
export const ATTACHMENT_FIELDS = ['id', 'resource', 'recordId', 'fileName', 'mimeType', 'sizeBytes', 'sha256', 'description', 'createdAt', 'createdBy', 'updatedAt', 'version'];

const uploadFields = z.object({
  resource: z.string().trim().min(1, 'required'),
  recordId: z.string().trim().min(1, 'required').max(100),
  description: z.string().trim().max(500, 'at most 500 characters').optional(),
});

const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

export function attachmentRoutes(deps: { config: Readonly<Config>; services: Services; sequelize: Sequelize; Attachment: ModelStatic<Model>; store: () => AttachmentStore }): Router {
  const { config, services, sequelize, Attachment, store } = deps;
  const router = express.Router();
  const limit = config.maxContentLength;
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 10_000 } }).single('file');

  const authorize = (req: Request, action: string): AuthUser => {
    const user = requireUser(req);
    if (!services.access.can(user.roles, action, 'attachments').granted) throw new Forbidden(`Your role may not ${action} attachments`);
    return user;
  };

  /** multer's errors as our HTTP errors: too large is a 413 that names the limit. */
  const receive = (req: Request, res: Response, next: NextFunction) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    // Multipart framing adds a little; anything far over the limit is refused before reading it.
    if (declared > limit + 64 * 1024) return next(new HttpError(413, `The file is too large: the limit is ${megabytes(limit)}`));
    upload(req, res, (err: unknown) => {
      if (!err) return next();
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') return next(new HttpError(413, `The file is too large: the limit is ${megabytes(limit)}`));
        return next(new Invalid('The upload is not valid', { file: err.code === 'LIMIT_UNEXPECTED_FILE' ? 'send one file in the field "file"' : err.message }));
      }
      next(new Invalid('The upload could not be read', { file: 'send the file as multipart/form-data' }));
    });
  };

  router.get(
    '/attachments',
    asyncRoute(async (req, res) => {
      const user = authorize(req, 'read');
      const q = parseListQuery(req.query as Record<string, unknown>, { sortable: SORTABLE, defaultSort: ['createdAt', 'DESC'], filters: FILTERS, maxPageSize: config.maxPageSize });
      const parts = [...buildWhere(q.filter, FILTERS), readableScope(services, user, sequelize)];
      if (typeof q.filter.q === 'string' && q.filter.q.trim()) parts.push({ fileName: contains(q.filter.q.trim()) });
      const where = { [Op.and]: parts };
      const [rows, total] = await Promise.all([
        Attachment.findAll({ where, order: [[q.sort[0], q.sort[1]], ['id', 'ASC']], offset: q.offset, limit: q.limit, attributes: ATTACHMENT_FIELDS, raw: true }),
        Attachment.count({ where }),
      ]);
      res.set('Content-Range', `attachments ${q.offset}-${rows.length ? q.offset + rows.length - 1 : q.offset}/${total}`);
      res.json(rows);
    }),
  );

  router.post(
    '/attachments',
    (req, _res, next) => {
      try {
        authorize(req, 'create');
        next();
      } catch (err) {
        next(err);
      }
    },
    receive,
    asyncRoute(async (req, res) => {
      const user = requireUser(req);
      const parsed = uploadFields.safeParse(req.body ?? {});
      if (!parsed.success || !req.file) {
        const errors: Record<string, string> = {};
        for (const i of parsed.error?.issues ?? []) errors[String(i.path[0])] ??= i.message;
        if (!req.file) errors.file = 'attach a file in the field "file"';
        throw new Invalid('Some fields are not valid', errors);
      }
      const { resource, recordId, description } = parsed.data;
      // Adding a file changes the record: the same grant as editing it.
      await authorizeRecord(services, user, 'update', resource, recordId);
      const row = await sequelize.transaction(() =>
        store().store(req.ctx, { resource, recordId, description, fileName: req.file!.originalname, bytes: req.file!.buffer }),
      );
      const plain = row.get({ plain: true }) as Record<string, unknown>;
      res.status(201).json(Object.fromEntries(ATTACHMENT_FIELDS.map((k) => [k, plain[k]])));
    }),
  );

  router.get(
    '/attachments/:id/download',
    asyncRoute(async (req, res) => {
      const user = authorize(req, 'read');
      const row = UUID.test(req.params.id) ? await Attachment.findByPk(req.params.id) : null;
      if (!row) throw new NotFound(`No attachment with id ${req.params.id}`);
      const a = row.get({ plain: true }) as Record<string, any>;
      await authorizeRecord(services, user, 'read', a.resource, a.recordId);
      const file = store().pathOf(a.storageKey);
      if (!fs.existsSync(file)) throw new NotFound('The file of this attachment is missing from storage');
      await services.audit.record(req.ctx, { action: 'download', resource: 'attachments', recordId: a.id, after: { resource: a.resource, recordId: a.recordId } });
      res.set({
        'Content-Type': a.mimeType,
        'Content-Length': String(a.sizeBytes),
        'Content-Disposition': `attachment; filename="${a.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
        // Served from our origin: never let a browser run it as a page.
        'Content-Security-Policy': "sandbox; default-src 'none'",
        'Cache-Control': 'private, no-store',
      });
      fs.createReadStream(file).pipe(res);
    }),
  );
  return router;
}
