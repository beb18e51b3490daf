import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { Output } from '../../../shared/contract';
import type { QueueRow, TrainingQueue } from '../../../shared/domain/quiz-training';
import { api } from '../../api/client';
import { onEntitiesChanged } from '../app/live-updates';

export const QUEUE_PAGE_SIZE = 200;

/** The three training queues share one store: the page that is open names its queue. */
interface TrainingQueueStore {
  queue: TrainingQueue | null;
  search: string;
  items: QueueRow[];
  total: number | null;
  selected: number[];
  error: AppError | null;
  load(queue?: TrainingQueue): Promise<void>;
  setSearch(search: string): void;
  toggle(personId: number): void;
  toggleAll(): void;
  send(personIds: number[]): Promise<Output<'training.send'> | null>;
}

let sequence = 0;

export const useTrainingQueueStore = create<TrainingQueueStore>()((set, get) => ({
  queue: null,
  search: '',
  items: [],
  total: null,
  selected: [],
  error: null,
  async load(queue) {
    const mine = ++sequence;
    if (queue && queue !== get().queue) set({ queue, items: [], total: null, selected: [], search: '' });
    const current = get().queue;
    if (!current) return;
    try {
      const page = await api.training.queue({ queue: current, search: get().search || undefined, limit: QUEUE_PAGE_SIZE });
      const ids = new Set(page.items.map((r) => r.person.id));
      if (mine === sequence) set((s) => ({ items: page.items, total: page.total, error: null, selected: s.selected.filter((id) => ids.has(id)) }));
    } catch (error) {
      if (mine === sequence) set({ error: AppError.from(error) });
    }
  },
  setSearch(search) {
    set({ search });
    void get().load();
  },
  toggle(personId) {
    set((s) => ({ selected: s.selected.includes(personId) ? s.selected.filter((id) => id !== personId) : [...s.selected, personId] }));
  },
  toggleAll() {
    set((s) => ({ selected: s.selected.length === s.items.length ? [] : s.items.map((r) => r.person.id) }));
  },
  async send(personIds) {
    try {
      const result = await api.training.send({ personIds });
      set({ selected: [] });
      return result;
    } catch (error) {
      set({ error: AppError.from(error) });
      return null;
    }
  },
}));

onEntitiesChanged(['people', 'training', 'quizzes', 'documents'], () => {
  if (useTrainingQueueStore.getState().queue) void useTrainingQueueStore.getState().load();
});
