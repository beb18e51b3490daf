import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import type { TrainingQueue } from '../../../shared/domain/quiz-training';
import { useCall } from '../../api/use-call';
import { QUEUE_PAGE_SIZE, useTrainingQueueStore } from './training-queue-store';

const SEARCH_DEBOUNCE_MS = 120;

/**
 * A training queue's rows for the search typed; the previous rows stay while a new search loads.
 * Who is chosen is kept to the people shown, so a person who left the queue cannot be sent to.
 */
export function useTrainingQueue(queue: TrainingQueue) {
  const search = useTrainingQueueStore((s) => (s.queue === queue ? s.search : ''));
  const chosen = useTrainingQueueStore((s) => s.selected);
  const [debounced] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const page = useCall('training.queue', { queue, search: debounced || undefined, limit: QUEUE_PAGE_SIZE }, { placeholderData: keepPreviousData });
  const items = page.data?.items ?? [];
  const shown = new Set(items.map((r) => r.person.id));
  return { page, items, total: page.data?.total ?? null, selected: chosen.filter((id) => shown.has(id)) };
}
