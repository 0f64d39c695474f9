/** GET on a read-only collection action (reports), through the shell's token handling. */
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../../../admin/src/providers/http.js';

export function useApiGet<T>(path: string) {
  return useQuery({ queryKey: ['api', path], queryFn: async () => (await fetchJson(`/api/${path}`)).json as T });
}
