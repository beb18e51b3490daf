import { create } from 'zustand';
import type { Input } from '../../../shared/contract';
import type { RosterField } from '../../../shared/domain/roster';

/** The user export on its way in and the user's choices about it; preview and report are queries (use-roster.ts). */
interface RosterStore {
  file: { name: string; bytes: Uint8Array } | null;
  /** The user's own mapping once they change a column; null while guessed. */
  columns: (RosterField | null)[] | null;
  /** The columns are confirmed: the check runs. */
  checking: boolean;
  chooseFile(file: File): Promise<void>;
  openBytes(name: string, bytes: Uint8Array): void;
  /** `shown`: the columns as the preview has them now (guessed). */
  setColumn(index: number, field: RosterField | null, shown: readonly (RosterField | null)[]): void;
  check(): void;
  editColumns(): void;
  reset(): void;
}

const fresh = () => ({ file: null, columns: null, checking: false });

export const useRosterStore = create<RosterStore>()((set, get) => ({
  ...fresh(),
  async chooseFile(file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    set({ ...fresh(), file: { name: file.name, bytes } });
  },
  openBytes: (name, bytes) => set({ ...fresh(), file: { name, bytes } }),
  setColumn(index, field, shown) {
    const current = get().columns ?? shown;
    set({ columns: current.map((f, i) => (i === index ? field : f)), checking: false });
  },
  check: () => set({ checking: true }),
  editColumns: () => set({ checking: false }),
  reset: () => set(fresh()),
}));

/** What the preview and the check read: the file with the user's mapping, or guessed. */
export function rosterSource(state: Pick<RosterStore, 'file' | 'columns'>): Input<'roster.check'> | null {
  if (!state.file) return null;
  return { fileName: state.file.name, bytes: state.file.bytes, ...(state.columns ? { columns: state.columns } : {}) };
}
