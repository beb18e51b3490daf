import { create } from 'zustand';
import type { TrainingQueue } from '../../../shared/domain/quiz-training';

export const QUEUE_PAGE_SIZE = 200;

/** The open training queue's search and who is chosen; the rows are a query (use-training-queue.ts). */
interface TrainingQueueStore {
  queue: TrainingQueue | null;
  search: string;
  selected: number[];
  /** A page opens its queue: a different queue starts with no search and nobody chosen. */
  show(queue: TrainingQueue): void;
  setSearch(search: string): void;
  toggle(personId: number): void;
  /** Everyone shown, or nobody if everyone shown is chosen already. */
  toggleAll(shown: readonly number[]): void;
  clearSelection(): void;
}

export const useTrainingQueueStore = create<TrainingQueueStore>()((set, get) => ({
  queue: null,
  search: '',
  selected: [],
  show(queue) {
    if (get().queue !== queue) set({ queue, search: '', selected: [] });
  },
  setSearch: (search) => set({ search }),
  toggle: (personId) => set((s) => ({ selected: s.selected.includes(personId) ? s.selected.filter((id) => id !== personId) : [...s.selected, personId] })),
  toggleAll: (shown) => set((s) => ({ selected: shown.length > 0 && shown.every((id) => s.selected.includes(id)) ? [] : [...shown] })),
  clearSelection: () => set({ selected: [] }),
}));
