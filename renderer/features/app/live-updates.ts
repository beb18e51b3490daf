import type { QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { invalidateChanged } from '../../api/query-client';
import { useProgressStore } from './progress-store';

/**
 * One subscription for the whole app: a `changed` event marks stale every query that reads one of
 * the changed kinds (see api/call-reads.ts), and the ones on screen load again.
 */
export function startLiveUpdates(client: QueryClient): () => void {
  const offChanged = api.on('changed', ({ entities }) => void invalidateChanged(client, entities));
  const offProgress = api.on('progress', (progress) => useProgressStore.getState().report(progress));
  return () => {
    offChanged();
    offProgress();
  };
}
