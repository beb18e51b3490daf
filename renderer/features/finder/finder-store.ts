import { create } from 'zustand';
import type { Input } from '../../../shared/contract';

export const FINDER_LIMIT = 12;
const DEBOUNCE_MS = 120;

/** The Ctrl+K finder's box and highlight; the people found are a query on `search`. */
interface FinderStore {
  opened: boolean;
  /** What is in the box now. */
  text: string;
  /** What is searched for: the box once typing pauses. */
  search: string;
  /** Index of the highlighted result (arrow keys move it, Enter opens it). */
  active: number;
  open(): void;
  close(): void;
  setText(text: string): void;
  /** Moves the highlight over `count` results, wrapping around. */
  move(delta: number, count: number): void;
  setActive(index: number): void;
}

let timer: ReturnType<typeof setTimeout> | undefined;

export const useFinderStore = create<FinderStore>()((set, get) => ({
  opened: false,
  text: '',
  search: '',
  active: 0,
  open() {
    if (!get().opened) set({ opened: true, text: '', search: '', active: 0 });
  },
  close() {
    clearTimeout(timer);
    set({ opened: false });
  },
  setText(text) {
    set({ text });
    clearTimeout(timer);
    timer = setTimeout(() => set({ search: text, active: 0 }), DEBOUNCE_MS);
  },
  move(delta, count) {
    if (count > 0) set({ active: (get().active + delta + count) % count });
  },
  setActive: (index) => set({ active: index }),
}));

export function finderInput(search: string): Input<'people.list'> {
  return { search: search.trim() || undefined, limit: FINDER_LIMIT, sort: 'name' };
}
