/** Runs a custom action (`POST /api/<res>/:id/<action>`) and refreshes what is on screen. */
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRefresh, type Identifier } from 'react-admin';
import type { HisDataProvider } from '../providers/dataProvider.js';

export function useRecordAction(resource: string, action: string, opts: { successMessage?: string } = {}) {
  const dataProvider = useDataProvider<HisDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: Identifier; body?: unknown }) => dataProvider.action(resource, id, action, body),
    onSuccess: () => {
      if (opts.successMessage) notify(opts.successMessage, { type: 'success' });
      refresh();
    },
    onError: (err: Error) => notify(err.message, { type: 'error' }),
  });
}
