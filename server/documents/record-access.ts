/**
 * Who may see or add the files of a record: an attachment is part of the record it belongs to,
 * so the owning resource's grant decides, with its possession (`own`: only the record's owner).
 * A role that reads only some fields of a record (cashier on patients) does not see its files:
 * a file cannot be filtered field by field.
 */
import { DataTypes, Sequelize, type Model, type WhereOptions } from 'sequelize';
import type { Services } from '../host/services.js';
import type { AuthUser } from '../http/context.js';
import { Forbidden, Invalid, NotFound } from '../http/errors.js';
import type { Row } from '../http/resource.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const fullRecord = (attributes: string[]) => attributes.length === 1 && attributes[0] === '*';

/** The owning record, if the user may `action` it; otherwise 403 (or 404 when it does not exist). */
export async function authorizeRecord(services: Services, user: AuthUser, action: 'read' | 'update', resource: string, recordId: string): Promise<Row> {
  const entry = services.registry.resources.get(resource);
  if (!entry || resource === 'attachments') throw new Invalid(`No resource named "${resource}"`, { resource: 'not a resource that takes attachments' });
  const permission = services.access.can(user.roles, action, resource);
  if (!permission.granted) throw new Forbidden(`Your role may not ${action} ${resource}, so not their attachments either`);
  if (!fullRecord(permission.attributes)) throw new Forbidden(`Your role sees only part of ${resource} records, not their attachments`);
  const { model, ownerField } = entry.def;
  const uuidKey = model.getAttributes()[model.primaryKeyAttribute]?.type instanceof DataTypes.UUID;
  const record = uuidKey && !UUID.test(recordId) ? null : ((await model.findByPk(recordId)) as Model | null);
  if (!record) throw new NotFound(`No ${resource} with id ${recordId}`);
  const row = record.get({ plain: true }) as Row;
  if (permission.possession === 'own' && (!ownerField || row[ownerField] !== user.id)) {
    throw new Forbidden(`You may only see the attachments of your own ${resource}`);
  }
  return row;
}

/** The attachments a user may list: of resources read in full, and of own records where the grant is `own`. */
export function readableScope(services: Services, user: AuthUser, sequelize: Sequelize): WhereOptions {
  const esc = (v: string) => sequelize.escape(v);
  const clauses: string[] = [];
  for (const [name, { def }] of services.registry.resources) {
    if (name === 'attachments') continue;
    const p = services.access.can(user.roles, 'read', name);
    if (!p.granted || !fullRecord(p.attributes)) continue;
    if (p.possession === 'any') {
      clauses.push(`resource = ${esc(name)}`);
    } else if (def.ownerField) {
      const attrs = def.model.getAttributes();
      const owner = attrs[def.ownerField].field ?? def.ownerField;
      const key = attrs[def.model.primaryKeyAttribute].field ?? def.model.primaryKeyAttribute;
      const table = def.model.getTableName() as string;
      clauses.push(`(resource = ${esc(name)} AND record_id IN (SELECT "${key}"::text FROM "${table}" WHERE "${owner}" = ${esc(user.id)}))`);
    }
  }
  return Sequelize.literal(clauses.length ? `(${clauses.join(' OR ')})` : 'false');
}
