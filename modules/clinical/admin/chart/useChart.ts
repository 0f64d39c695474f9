/** Pages of `GET /api/patients/:id/chart`, newest first; `more()` fetches the next older page. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchJson } from '../../../../admin/src/providers/http.js';

export interface TimelineItem {
  kind: 'encounter' | 'visit' | 'vital-signs';
  at: string;
  id: string;
  [field: string]: any;
}

export interface ChartPage {
  patient?: { id: string; mrn: string; givenName: string; familyName: string; sex: string; birthDate: string };
  allergies?: { id: string; substance: string; severity: string; reaction?: string }[];
  timeline: TimelineItem[];
  nextCursor: string | null;
}

export function useChart(patientId: string) {
  const query = useInfiniteQuery({
    queryKey: ['patient-chart', patientId],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      (await fetchJson(`/api/patients/${encodeURIComponent(patientId)}/chart?limit=20${pageParam ? `&before=${pageParam}` : ''}`)).json as ChartPage,
    getNextPageParam: (last) => last.nextCursor,
  });
  const pages = query.data?.pages ?? [];
  return {
    ...query,
    first: pages[0],
    timeline: pages.flatMap((p) => p.timeline),
  };
}
