/**
 * Parsing of the ra-data-simple-rest query string: sort, range, filter. Every field is
 * whitelisted by the resource; anything else is a 400 that touches nothing.
 */
import { Op, type WhereOptions } from 'sequelize';
import { Invalid } from './errors.js';

export type FilterSpec =
  | 'eq'
  | 'text'
  | 'range'
  | ((value: unknown) => WhereOptions | undefined);

export interface ListQuery {
  sort: [string, 'ASC' | 'DESC'];
  offset: number;
  limit: number;
  filter: Record<string, unknown>;
  ranged: boolean;
}

function parseJson(name: string, raw: unknown): unknown {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new Invalid(`"${name}" must be given once, as JSON`, { [name]: 'must be JSON' });
  try {
    return JSON.parse(raw);
  } catch {
    throw new Invalid(`"${name}" is not valid JSON`, { [name]: 'is not valid JSON' });
  }
}

/** `s` with LIKE's wildcards (% and _) and its escape character taken literally. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** Case-insensitive "contains": what a search box means by a fragment of text. */
export const contains = (text: string) => ({ [Op.iLike]: `%${likeEscape(text)}%` });

export function parseListQuery(
  q: Record<string, unknown>,
  opts: { sortable: string[]; defaultSort: [string, 'ASC' | 'DESC']; filters: Record<string, FilterSpec>; maxPageSize: number },
): ListQuery {
  const sortRaw = parseJson('sort', q.sort);
  let sort = opts.defaultSort;
  if (sortRaw !== undefined) {
    if (!Array.isArray(sortRaw) || sortRaw.length !== 2 || typeof sortRaw[0] !== 'string' || !['ASC', 'DESC'].includes(String(sortRaw[1]).toUpperCase())) {
      throw new Invalid('"sort" must be ["field","ASC"|"DESC"]', { sort: 'must be ["field","ASC"|"DESC"]' });
    }
    if (!opts.sortable.includes(sortRaw[0])) {
      throw new Invalid(`Cannot sort by "${sortRaw[0]}"; sortable fields: ${opts.sortable.join(', ')}`, { sort: `unknown field "${sortRaw[0]}"` });
    }
    sort = [sortRaw[0], String(sortRaw[1]).toUpperCase() as 'ASC' | 'DESC'];
  }
  const rangeRaw = parseJson('range', q.range);
  let offset = 0;
  let limit = 25;
  if (rangeRaw !== undefined) {
    if (!Array.isArray(rangeRaw) || rangeRaw.length !== 2 || !rangeRaw.every((n) => Number.isInteger(n) && n >= 0) || rangeRaw[1] < rangeRaw[0]) {
      throw new Invalid('"range" must be [start,end] with whole numbers, start <= end', { range: 'must be [start,end]' });
    }
    offset = rangeRaw[0];
    limit = rangeRaw[1] - rangeRaw[0] + 1;
    if (limit > opts.maxPageSize) {
      throw new Invalid(`A page may hold at most ${opts.maxPageSize} records`, { range: `at most ${opts.maxPageSize} records per page` });
    }
  }
  const filterRaw = parseJson('filter', q.filter) ?? {};
  if (typeof filterRaw !== 'object' || filterRaw === null || Array.isArray(filterRaw)) {
    throw new Invalid('"filter" must be a JSON object', { filter: 'must be a JSON object' });
  }
  const filter = filterRaw as Record<string, unknown>;
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'q' || key === 'id') continue;
    const base = key.replace(/_(gte|lte|gt|lt)$/, '');
    const spec = opts.filters[key] ?? (base !== key && opts.filters[base] === 'range' ? 'range' : undefined);
    if (!spec) {
      throw new Invalid(`Cannot filter by "${key}"; filters: ${['q', 'id', ...Object.keys(opts.filters)].join(', ')}`, { filter: `unknown field "${key}"` });
    }
    const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
    if (typeof spec === 'string' && !(scalar(value) || (Array.isArray(value) && value.every(scalar)))) {
      throw new Invalid(`Filter "${key}" must be a value or a list of values`, { [key]: 'must be a value or a list of values' });
    }
  }
  if ('q' in filter && typeof filter.q !== 'string') throw new Invalid('Search "q" must be text', { q: 'must be text' });
  if ('id' in filter && !(Array.isArray(filter.id) ? filter.id : [filter.id]).every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw new Invalid('Filter "id" must be an id or a list of ids', { id: 'must be a list of ids' });
  }
  return { sort, offset, limit, filter, ranged: rangeRaw !== undefined };
}

const OPS = { gte: Op.gte, lte: Op.lte, gt: Op.gt, lt: Op.lt } as const;

/** Turns the validated filter into a Sequelize where clause. */
export function buildWhere(filter: Record<string, unknown>, filters: Record<string, FilterSpec>): WhereOptions[] {
  const parts: WhereOptions[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'q') continue;
    if (value === '' || value === undefined) continue;
    if (key === 'id') {
      parts.push({ id: Array.isArray(value) ? { [Op.in]: value } : value });
      continue;
    }
    const m = key.match(/^(.*)_(gte|lte|gt|lt)$/);
    const spec = filters[key] ?? (m ? filters[m[1]] : undefined);
    if (typeof spec === 'function') {
      const w = spec(value);
      if (w) parts.push(w);
    } else if (spec === 'range' && m) {
      parts.push({ [m[1]]: { [OPS[m[2] as keyof typeof OPS]]: value } });
    } else if (spec === 'text') {
      parts.push({ [key]: contains(String(value)) });
    } else {
      parts.push({ [key]: Array.isArray(value) ? { [Op.in]: value } : value });
    }
  }
  return parts;
}
