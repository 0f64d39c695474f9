import { QueryTypes, type Sequelize } from 'sequelize';

/**
 * Rows per day over the last `days` days, every day present (zero when nothing happened):
 * the shape the dashboards' daily charts read. `table` and `column` come from module code,
 * never from a request.
 */
export function countPerDay(sequelize: Sequelize, table: string, column: string, days = 30) {
  return sequelize.query<{ day: string; count: number }>(
    `SELECT d::date AS day, count(t.id)::int AS count
       FROM generate_series(current_date - :back, current_date, interval '1 day') d
       LEFT JOIN "${table}" t ON t."${column}" >= d AND t."${column}" < d + interval '1 day'
      GROUP BY d ORDER BY d`,
    { type: QueryTypes.SELECT, replacements: { back: days - 1 } },
  );
}
