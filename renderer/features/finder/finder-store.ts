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
  /**
   * A key pressed while the finder is open but its box has no focus yet (the dialog is still
   * opening): a letter is added, Backspace removes one. Returns whether the key was taken.
   */
  typeAhead(key: string): boolean;
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
  typeAhead(key) {
    const { opened, text } = get();
    if (!opened) return false;
    if (key === 'Backspace') get().setText(text.slice(0, -1));
    else if ([...key].length === 1) get().setText(text + key);
    else return false;
    return true;
  },
}));

export function finderInput(search: string): Input<'people.list'> {
  return { search: search.trim() || undefined, limit: FINDER_LIMIT, sort: 'name' };
}
