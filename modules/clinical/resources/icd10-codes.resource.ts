import { Op, Sequelize, type WhereOptions } from 'sequelize';
import type { ModuleContext } from '../../../server/host/types.js';
import type { ResourceDefinition } from '../../../server/http/resource.js';
import { icd10Chapter } from '../seeds/icd10-catalogue.js';
import { createIcd10Schema, updateIcd10Schema } from '../validation.js';
import { likeEscape } from '../../../server/http/query.js';

const looksLikeCode = (q: string) => /^[A-Za-z][0-9]/.test(q);

/**
 * "j06" finds J06.x by code prefix (btree, text_pattern_ops); "otitis media" finds every title
 * holding both words (trigram GIN on search_text).
 */
export function icd10Search(q: string): WhereOptions {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6);
  const byWords = { [Op.and]: words.map((w) => Sequelize.where(Sequelize.col('search_text'), { [Op.like]: `%${likeEscape(w)}%` })) };
  if (!looksLikeCode(q)) return byWords;
  return { [Op.or]: [{ code: { [Op.like]: `${likeEscape(q.toUpperCase())}%` } }, byWords] };
}

export function icd10CodesResource({ models, sequelize }: ModuleContext): ResourceDefinition {
  return {
    name: 'icd10-codes',
    label: 'ICD-10 codes',
    model: models.Icd10Code,
    createSchema: createIcd10Schema,
    updateSchema: updateIcd10Schema,
    sortable: ['code', 'title', 'chapter', 'createdAt'],
    defaultSort: ['code', 'ASC'],
    filters: { chapter: 'eq', active: 'eq', code: 'eq' },
    search: icd10Search,
    // With a search, the best match comes first: a code that starts with the text, then the
    // closest title, so the autocomplete's first line is the likely one.
    orderBy(field, dir, filter) {
      if (typeof filter.q !== 'string' || !filter.q.trim()) return [[field, dir], ['id', 'ASC']];
      const q = filter.q.trim();
      const prefix = sequelize.escape(`${likeEscape(q.toUpperCase())}%`);
      return [
        [Sequelize.literal(`(code LIKE ${prefix})`), 'DESC'],
        [Sequelize.literal(`similarity(search_text, ${sequelize.escape(q.toLowerCase())})`), 'DESC'],
        ['code', 'ASC'],
      ];
    },
    beforeCreate: (_ctx, data) => ({ ...data, chapter: icd10Chapter(data.code) }),
    // The catalogue is referred to by every diagnosis ever coded: retire a code, never remove it.
    operations: { delete: false },
  };
}
