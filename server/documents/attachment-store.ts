/**
 * Files on disk under UPLOAD_DIR, one row each in `attachments`. The type is decided from the
 * bytes; the row and its audit entry are written in the caller's transaction (CLS). Other
 * modules store generated documents through the same service (`services.get('attachments')`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Model, ModelStatic } from 'sequelize';
import { v7 as uuidv7 } from 'uuid';
import type { AuditService } from '../audit/audit.js';
import type { RequestContext } from '../http/context.js';
import { Invalid } from '../http/errors.js';
import { ALLOWED_TYPES, detectType } from './file-types.js';

export interface NewAttachment {
  resource: string;
  recordId: string;
  fileName: string;
  bytes: Buffer;
  description?: string | null;
}

/** A name safe to show and to send back in Content-Disposition: no path, no control characters. */
export function safeFileName(name: string, ext: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim().slice(0, 150);
  return base || `file${ext}`;
}

export class AttachmentStore {
  constructor(
    private Attachment: ModelStatic<Model>,
    private audit: AuditService,
    private uploadDir: string,
  ) {}

  /** Saves the file, then its row and audit entry; the file is removed again if the row fails. */
  async store(ctx: RequestContext, input: NewAttachment): Promise<Model> {
    const mimeType = detectType(input.bytes);
    if (!mimeType) {
      throw new Invalid('This type of file is not accepted', { file: `the content is not one of: PDF, PNG, JPEG, DICOM, plain text` });
    }
    const id = uuidv7();
    const storageKey = path.posix.join(input.resource, new Date().toISOString().slice(0, 7), `${id}${ALLOWED_TYPES[mimeType]}`);
    const file = this.pathOf(storageKey);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, input.bytes, { flag: 'wx', mode: 0o600 });
    try {
      const row = await this.Attachment.create({
        id,
        resource: input.resource,
        recordId: input.recordId,
        fileName: safeFileName(input.fileName, ALLOWED_TYPES[mimeType]),
        mimeType,
        sizeBytes: input.bytes.length,
        sha256: crypto.createHash('sha256').update(input.bytes).digest('hex'),
        storageKey,
        description: input.description ?? null,
        createdBy: ctx.user?.id ?? null,
        updatedBy: ctx.user?.id ?? null,
      });
      await this.audit.record(ctx, { action: 'create', resource: 'attachments', recordId: id, after: row.get({ plain: true }) });
      return row;
    } catch (err) {
      await fs.rm(file, { force: true });
      throw err;
    }
  }

  /** Undo of a store that has not been committed (a workflow compensation): the row and the file. */
  async discard(id: string): Promise<void> {
    const row = await this.Attachment.findByPk(id);
    if (!row) return;
    await row.destroy();
    await fs.rm(this.pathOf(row.get('storageKey') as string), { force: true });
  }

  pathOf(storageKey: string): string {
    const file = path.resolve(this.uploadDir, storageKey);
    // Keys are generated here, but a row edited by hand must still not reach outside the folder.
    if (!file.startsWith(path.resolve(this.uploadDir) + path.sep)) throw new Error(`Attachment key ${storageKey} leaves UPLOAD_DIR`);
    return file;
  }
}
