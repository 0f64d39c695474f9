/**
 * Reads the screens need beyond the data provider: read-only collection actions served by GET
 * (`/api/approvals/inbox`, `/api/workflow-rules/catalog`). Uses the shell's fetchJson so the
 * token renewal applies.
 */
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../../../admin/src/providers/http.js';

export async function getJson<T>(path: string): Promise<T> {
  return (await fetchJson(`/api${path}`)).json as T;
}

export interface Catalog {
  events: { name: string; description: string | null; facts: string[] }[];
  decisions: { type: string; description: string }[];
  templates: string[];
  operators: string[];
  roles: { name: string; label: string; approves: boolean }[];
}

export function useCatalog() {
  return useQuery({ queryKey: ['workflow-rules', 'catalog'], queryFn: () => getJson<Catalog>('/workflow-rules/catalog'), staleTime: 60_000 });
}
