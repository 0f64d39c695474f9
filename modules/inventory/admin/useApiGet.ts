/** GET on a read-only action (reports, checks), through the shell's token handling; `null` waits. */
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../../../admin/src/providers/http.js';

export function useApiGet<T>(path: string | null) {
  return useQuery({ queryKey: ['api', path], enabled: path !== null, queryFn: async () => (await fetchJson(`/api/${path}`)).json as T });
}
