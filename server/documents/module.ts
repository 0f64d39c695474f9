/**
 * Documents (platform module): files attached to any record (`attachments`), checked by
 * content, stored under UPLOAD_DIR and readable by whoever may read that record. PDFs from
 * templates are the `documents` service (documents.ts), built by the host.
 */
import path from 'node:path';
import { defineModule } from '../host/types.js';
import type { ResourceDefinition } from '../http/resource.js';
import { AttachmentStore } from './attachment-store.js';
import { defineAttachmentModel } from './attachment.model.js';
import { attachmentRoutes } from './attachments.routes.js';
import { grants } from './grants.js';
import { authorizeRecord } from './record-access.js';

export default defineModule({
  id: 'documents',
  version: '1.0.0',
  label: 'Documents',
  menu: 'Administration',
  dependsOn: ['platform'],
  migrations: path.join(import.meta.dirname, 'migrations'),
  grants,
  models: ({ sequelize }) => defineAttachmentModel(sequelize),
  resources({ models }): ResourceDefinition[] {
    return [
      {
        name: 'attachments',
        label: 'Attachments',
        model: models.Attachment,
        hidden: ['storageKey'],
        // Upload, list and download are multipart/file routes (attachments.routes.ts); files are never changed or deleted.
        operations: { list: false, create: false, update: false, delete: false },
        async detail(ctx, row) {
          await authorizeRecord(ctx.services, ctx.user, 'read', row.resource, row.recordId);
          return row;
        },
      },
    ];
  },
  routes({ config, sequelize, services, models }, { api }) {
    api.use(attachmentRoutes({ config, services, sequelize, Attachment: models.Attachment, store: () => services.get<AttachmentStore>('attachments') }));
  },
  async bootstrap({ config, services, models }) {
    services.provide('attachments', new AttachmentStore(models.Attachment, services.audit, config.uploadDir));
    // A resource that declares a document must name a template that exists: fail at start-up, not at print time.
    for (const [name, { def, module }] of services.registry.resources) {
      if (def.document && !services.documents.has(def.document.template)) {
        throw new Error(`Resource "${name}" of module "${module}" prints with template "${def.document.template}", which does not exist (templates/ or modules/<id>/templates/)`);
      }
    }
  },
});
