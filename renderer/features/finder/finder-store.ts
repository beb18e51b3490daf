import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { Person } from '../../../shared/domain/person';
import { api } from '../../api/client';

export const FINDER_LIMIT = 12;
const DEBOUNCE_MS = 120;

interface FinderStore {
  opened: boolean;
  text: string;
  results: Person[];
  total: number;
  /** Index of the highlighted result (arrow keys move it, Enter opens it). */
  active: number;
  searching: boolean;
  error: AppError | null;
  open(): void;
  close(): void;
  setText(text: string): void;
  move(delta: number): void;
  setActive(index: number): void;
}

let timer: ReturnType<typeof setTimeout> | undefined;
let sequence = 0;

export const useFinderStore = create<FinderStore>()((set, get) => {
  async function search(text: string) {
    const mine = ++sequence;
    try {
      const page = await api.people.list({ search: text.trim() || undefined, limit: FINDER_LIMIT, sort: 'name' });
      // Typing is faster than the answers: only the newest question's answer is shown.
      if (mine !== sequence) return;
      set({ results: page.items, total: page.total, active: 0, searching: false, error: null });
    } catch (error) {
      if (mine === sequence) set({ searching: false, error: AppError.from(error) });
    }
  }

  return {
    opened: false,
    text: '',
    results: [],
    total: 0,
    active: 0,
    searching: false,
    error: null,
    open() {
      if (get().opened) return;
      set({ opened: true, text: '', results: [], total: 0, active: 0, searching: true, error: null });
      void search('');
    },
    close() {
      clearTimeout(timer);
      sequence += 1;
      set({ opened: false });
    },
    setText(text) {
      set({ text, searching: true });
      clearTimeout(timer);
      timer = setTimeout(() => void search(text), DEBOUNCE_MS);
    },
    move(delta) {
      const { results, active } = get();
      if (!results.length) return;
      set({ active: (active + delta + results.length) % results.length });
    },
    setActive: (index) => set({ active: index }),
  };
});
