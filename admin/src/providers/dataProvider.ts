/**
 * The API speaks ra-data-simple-rest exactly; on top of it, the few calls that are not CRUD:
 * record actions (`POST /api/<res>/:id/<action>`), collection actions, and KPIs (`GET /api/kpis/:id`).
 */
import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, Identifier } from 'react-admin';
import { fetchJson } from './http.js';

export interface HisDataProvider extends DataProvider {
  /** `POST /api/<resource>/<id>/<action>`. */
  action<T = any>(resource: string, id: Identifier, action: string, body?: unknown): Promise<{ data: T }>;
  /** `POST /api/<resource>/<action>` (a collection action, such as `check-duplicates`). */
  collectionAction<T = any>(resource: string, action: string, body?: unknown): Promise<{ data: T }>;
  /** `GET /api/kpis/<id>`. */
  kpi<T = any>(id: string, query?: Record<string, string>): Promise<{ data: T }>;
}

const enc = encodeURIComponent;

/** The API's default page limit (MAX_PAGE_SIZE). */
export const API_PAGE_LIMIT = 500;

export function createDataProvider(apiUrl = '/api'): HisDataProvider {
  const base = simpleRestProvider(apiUrl, fetchJson);
  const post = async (url: string, body: unknown) => ({ data: (await fetchJson(url, { method: 'POST', body: JSON.stringify(body ?? {}) })).json });
  return {
    ...base,
    // Exports ask for up to 1,000 rows in one page; the API serves at most 500 a page, so a
    // bigger page is fetched as several and joined.
    async getList(resource, params) {
      const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
      const first = (page - 1) * perPage;
      if (perPage <= API_PAGE_LIMIT || first % API_PAGE_LIMIT !== 0) return base.getList(resource, params);
      const data: any[] = [];
      let total: number | undefined;
      for (let start = first; start < first + perPage && (total === undefined || start < total); start += API_PAGE_LIMIT) {
        const part = await base.getList(resource, { ...params, pagination: { page: start / API_PAGE_LIMIT + 1, perPage: API_PAGE_LIMIT } });
        data.push(...part.data);
        total = part.total;
        if (part.data.length < API_PAGE_LIMIT) break;
      }
      return { data: data.slice(0, perPage), total };
    },
    action: (resource, id, action, body) => post(`${apiUrl}/${enc(resource)}/${enc(String(id))}/${enc(action)}`, body),
    collectionAction: (resource, action, body) => post(`${apiUrl}/${enc(resource)}/${enc(action)}`, body),
    async kpi(id, query) {
      const qs = query && Object.keys(query).length ? `?${new URLSearchParams(query)}` : '';
      return { data: (await fetchJson(`${apiUrl}/kpis/${enc(id)}${qs}`)).json };
    },
  };
}

export const dataProvider = createDataProvider();
