/**
 * Reads for the resource factory's hot paths (list pages and their totals) as Sequelize's own
 * query generator writes them, run through `sequelize.query` so they join the CLS transaction
 * like any other query. They skip what `findAll({ raw: true })` and `count()` do around the
 * query (a deep clone of the options, scopes, include expansion, four hook passes), which cost
 * more than a small indexed query in PostgreSQL. Models here have no scopes, no find hooks and
 * no paranoid deletes; a model that gains one must be read with findAll instead.
 */
import { QueryTypes, Sequelize, type Model, type ModelStatic, type Order, type WhereOptions } from 'sequelize';

type Row = Record<string, any>;

// Sequelize's own option mapping (attribute names to columns), as findAll applies it.
const { mapFinderOptions } = (Sequelize as unknown as { Utils: { mapFinderOptions(o: object, m: ModelStatic<Model>): any } }).Utils;

const generator = (model: ModelStatic<Model>) => (model as unknown as { queryGenerator: { selectQuery(table: unknown, options: object, model: unknown): string } }).queryGenerator;

export interface SelectOptions {
  attributes: string[];
  where?: WhereOptions;
  order?: Order;
  limit?: number;
  offset?: number;
}

/** The same rows as `model.findAll({ ...options, raw: true })`. */
export function selectRows(model: ModelStatic<Model>, options: SelectOptions): Promise<Row[]> {
  const mapped = mapFinderOptions({ ...options, attributes: [...options.attributes] }, model);
  const sql = generator(model).selectQuery(model.getTableName(), { ...mapped, model }, model);
  return model.sequelize!.query<Row>(sql, { type: QueryTypes.SELECT, raw: true });
}

/** The same number as `model.count({ where })`. */
export async function countRows(model: ModelStatic<Model>, where: WhereOptions = {}): Promise<number> {
  const mapped = mapFinderOptions({ where, attributes: [] }, model);
  const sql = generator(model).selectQuery(model.getTableName(), { where: mapped.where, attributes: [[Sequelize.literal('count(*)'), 'count']], model }, model);
  const [row] = await model.sequelize!.query<{ count: string }>(sql, { type: QueryTypes.SELECT, raw: true });
  return Number(row?.count ?? 0);
}
