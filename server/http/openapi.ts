/**
 * /api/openapi.json, generated from the resource registry: every resource, its protocol
 * routes, its actions and the JSON schema of its input.
 */
import { z } from 'zod';
import type { Config } from '../../config/index.js';
import type { LoadedModule } from '../host/types.js';
import type { ResourceRegistry } from './registry.js';

const jsonSchema = (schema: z.ZodType | undefined) => {
  if (!schema) return { type: 'object' };
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  } catch {
    return { type: 'object' };
  }
};

const errors = {
  400: { description: 'Invalid input: `{ message, errors: { field: text } }`' },
  401: { description: 'Not signed in' },
  403: { description: 'Not allowed for your role' },
};

export function openApiDocument(registry: ResourceRegistry, modules: LoadedModule[], config: Readonly<Config>) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, { def, module }] of registry.resources) {
    const ops = { list: true, get: true, create: true, update: true, delete: true, ...def.operations };
    const tag = [module];
    const list: Record<string, unknown> = {};
    if (ops.list) {
      list.get = {
        tags: tag,
        summary: `List ${name}`,
        description: `Sortable: ${(def.sortable ?? ['id', 'createdAt', 'updatedAt']).join(', ')}. Filters: q, id, ${Object.keys(def.filters ?? {}).join(', ')}.`,
        parameters: [
          { name: 'sort', in: 'query', schema: { type: 'string' }, example: '["createdAt","DESC"]' },
          { name: 'range', in: 'query', schema: { type: 'string' }, example: '[0,24]' },
          { name: 'filter', in: 'query', schema: { type: 'string' }, example: '{"q":"smith"}' },
        ],
        responses: { 200: { description: 'JSON array; total in Content-Range' }, ...errors },
      };
    }
    if (ops.create) {
      list.post = {
        tags: tag,
        summary: `Create ${name}`,
        requestBody: { content: { 'application/json': { schema: jsonSchema(def.createSchema) } } },
        responses: { 201: { description: 'Created' }, ...errors, 409: { description: 'Conflict' } },
      };
    }
    if (Object.keys(list).length) paths[`/api/${name}`] = list;
    const one: Record<string, unknown> = {};
    const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
    if (ops.get) one.get = { tags: tag, summary: `Get one of ${name}`, parameters: idParam, responses: { 200: { description: 'The record' }, 404: { description: 'Not found' }, ...errors } };
    if (ops.update) {
      one.put = {
        tags: tag,
        summary: `Update one of ${name}`,
        parameters: idParam,
        requestBody: { content: { 'application/json': { schema: jsonSchema(def.updateSchema ?? def.createSchema?.partial()) } } },
        responses: { 200: { description: 'Updated' }, 409: { description: 'Stale version' }, ...errors },
      };
    }
    if (ops.delete) one.delete = { tags: tag, summary: `Delete one of ${name}`, parameters: idParam, responses: { 200: { description: 'Deleted' }, ...errors } };
    if (Object.keys(one).length) paths[`/api/${name}/{id}`] = one;
    for (const a of def.actions ?? []) {
      const p = a.collection ? `/api/${name}/${a.name}` : `/api/${name}/{id}/${a.name}`;
      paths[p] = {
        [a.method ?? 'post']: {
          tags: tag,
          summary: a.summary ?? `${a.name} (${name})`,
          description: `Needs the "${a.access ?? a.name}" permission on ${name}.`,
          ...(a.collection ? {} : { parameters: idParam }),
          ...(a.schema ? { requestBody: { content: { 'application/json': { schema: jsonSchema(a.schema) } } } } : {}),
          responses: { 200: { description: 'Done' }, ...errors },
        },
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: `${config.facility.name} - Hospital Information System API`, version: '1.0.0' },
    servers: [{ url: '/' }],
    tags: modules.map((m) => ({ name: m.id, description: m.label })),
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
