/**
 * Reads for the hot paths (list pages, their totals, single records and their details) as
 * Sequelize's own query generator writes them. They skip what `findAll({ raw: true })` and
 * `count()` do around the query (a deep clone of the options, scopes, include expansion, four
 * hook passes), which costs as much as a small indexed query in PostgreSQL. Only for models
 * that `readsPlainly`: no default scope, no find hooks, no paranoid deletes.
 *
 * Outside a transaction the statement goes straight to a connection of Sequelize's own pool
 * (same connections, same type parsers); inside one it goes through `sequelize.query`, which
 * joins the CLS transaction like any other query.
 */
import { Op, QueryTypes, Sequelize, type Model, type ModelStatic, type Order, type WhereOptions } from 'sequelize';

type Row = Record<string, any>;

// Sequelize's own option mapping (attribute names to columns), as findAll applies it.
const { mapFinderOptions } = (Sequelize as unknown as { Utils: { mapFinderOptions(o: object, m: ModelStatic<Model>): any } }).Utils;

const generator = (model: ModelStatic<Model>) => (model as unknown as { queryGenerator: { selectQuery(table: unknown, options: object, model: unknown): string } }).queryGenerator;

const FIND_HOOKS = ['beforeFind', 'beforeFindAfterExpandIncludeAll', 'beforeFindAfterOptions', 'afterFind', 'beforeCount'] as const;

/** Whether findAll would add nothing of its own to this model's queries. */
export function readsPlainly(model: ModelStatic<Model>): boolean {
  const options = (model as unknown as { options: { paranoid?: boolean; defaultScope?: object } }).options;
  const global = (model.sequelize as unknown as { options: { hooks?: Record<string, unknown[]> } }).options.hooks ?? {};
  return !options.paranoid && !Object.keys(options.defaultScope ?? {}).length && !FIND_HOOKS.some((h) => model.hasHook(h) || global[h]?.length);
}

export interface SelectOptions {
  attributes: string[];
  where?: WhereOptions;
  order?: Order;
  limit?: number;
  offset?: number;
}

// The select list of each model and attribute list, quoted once: quoting two dozen columns
// per query cost more than writing the rest of the statement.
const columnLists = new WeakMap<ModelStatic<Model>, Map<string, ReturnType<typeof Sequelize.literal>>>();
function columnList(model: ModelStatic<Model>, attributes: string[]) {
  let lists = columnLists.get(model);
  if (!lists) columnLists.set(model, (lists = new Map()));
  const key = attributes.join(',');
  let list = lists.get(key);
  if (!list) {
    const qi = model.sequelize!.getQueryInterface();
    const definitions = model.getAttributes() as Record<string, { field?: string }>;
    const columns = attributes.map((a) => {
      const field = definitions[a]?.field ?? a;
      return field === a ? qi.quoteIdentifier(a) : `${qi.quoteIdentifier(field)} AS ${qi.quoteIdentifier(a)}`;
    });
    lists.set(key, (list = Sequelize.literal(columns.join(', '))));
  }
  return list;
}

interface PooledConnection {
  query(sql: string, values: unknown[] | undefined, callback: (error: Error | null, result: { rows: Row[] }) => void): void;
  _invalid?: boolean;
}

interface SequelizeInternals {
  options: { logging?: unknown };
  connectionManager: { getConnection(o: { type: string }): Promise<PooledConnection>; releaseConnection(c: PooledConnection): void };
  dialect: { Query: new (c: PooledConnection, s: Sequelize, o: object) => { formatError(e: Error, stack?: string): Error } };
}

const cls = () => (Sequelize as unknown as { _cls?: { get(key: string): unknown } })._cls;

/**
 * Runs one statement with `$1`-style parameters (the reads below, and the audit trail's
 * insert) and answers its rows as plain objects, as `sequelize.query(sql, { type: SELECT,
 * raw: true, bind })` does, errors included.
 */
export async function plainQuery<T extends Row = Row>(sequelize: Sequelize, sql: string, bind?: unknown[]): Promise<T[]> {
  const s = sequelize as unknown as SequelizeInternals;
  // What sequelize.query would add: the open transaction, SQL logging, query hooks.
  if (cls()?.get('transaction') || s.options.logging || sequelize.hasHook('beforeQuery') || sequelize.hasHook('afterQuery')) {
    return sequelize.query<T>(sql, { type: QueryTypes.SELECT, raw: true, bind });
  }
  const manager = s.connectionManager;
  const connection = await manager.getConnection({ type: 'SELECT' });
  try {
    return await new Promise<T[]>((resolve, reject) => connection.query(sql, bind, (error, result) => (error ? reject(error) : resolve(result.rows as T[]))));
  } catch (error) {
    const e = error as Error & { code?: string; sql?: string };
    if (e.code === 'ECONNRESET') connection._invalid = true;
    e.sql = sql;
    throw new s.dialect.Query(connection, sequelize, {}).formatError(e, new Error().stack);
  } finally {
    manager.releaseConnection(connection);
  }
}

function selectSql(model: ModelStatic<Model>, options: SelectOptions, columns = columnList(model, options.attributes)): string {
  const { where } = mapFinderOptions({ where: options.where }, model);
  return generator(model).selectQuery(model.getTableName(), { ...options, where, attributes: [columns], model }, model);
}

/** The same rows as `model.findAll({ ...options, raw: true })`. */
export function selectRows(model: ModelStatic<Model>, options: SelectOptions): Promise<Row[]> {
  return plainQuery(model.sequelize!, selectSql(model, options));
}

/** `column = $n` in the where clause of a preparedSelect: `{ patientId: param(1) }`. */
export const param = (n: number) => ({ [Op.eq]: Sequelize.literal(`$${n}`) });

/**
 * A read whose shape never changes (a record by its id, the rows of one parent), written by
 * the query generator once, on first use, with `param(1)` or `{ [Op.lt]: Sequelize.literal('$2') }`
 * standing for the values in the where clause; each call then sends the statement and its values.
 */
export function preparedSelect(model: ModelStatic<Model>, options: SelectOptions): (values: unknown[]) => Promise<Row[]> {
  let sql: string | undefined;
  return (values) => plainQuery(model.sequelize!, (sql ??= selectSql(model, options)), values);
}

const COUNT = Sequelize.literal('count(*) AS "count"');

/** The same number as `model.count({ where })`. */
export async function countRows(model: ModelStatic<Model>, where: WhereOptions = {}): Promise<number> {
  const [row] = await plainQuery<{ count: string }>(model.sequelize!, selectSql(model, { where, attributes: [] }, COUNT));
  return Number(row?.count ?? 0);
}
