/** Reads a KPI computed by the API (`GET /api/kpis/:id`); widgets never count pages themselves. */
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { HisDataProvider } from '../providers/dataProvider.js';

export function useKpi<T = unknown>(id: string, query?: Record<string, string>) {
  const dataProvider = useDataProvider<HisDataProvider>();
  return useQuery({
    queryKey: ['kpi', id, query ?? {}],
    queryFn: async () => (await dataProvider.kpi<T>(id, query)).data,
    staleTime: 60_000,
  });
}
