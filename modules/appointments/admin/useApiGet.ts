/** GET on a read-only action (free slots, physicians, a queue) through the shell's token handling. */
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../../../admin/src/providers/http.js';

export function useApiGet<T>(path: string | null, opts: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: ['api', path],
    queryFn: async () => (await fetchJson(`/api/${path}`)).json as T,
    enabled: !!path,
    refetchInterval: opts.refetchInterval,
  });
}

export interface Physician {
  id: string;
  name: string;
}

/** Active physicians, for choosing a provider (users are not readable by every role). */
export const usePhysicians = () => useApiGet<Physician[]>('provider-schedules/physicians');
