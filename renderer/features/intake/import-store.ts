import { create } from 'zustand';
import type { Input } from '../../../shared/contract';
import type { ImportField, ImportResult } from '../../../shared/domain/intake';

type Action = 'update' | 'skip';

/** The file on its way in and the user's choices about it; the preview itself is a query (use-import.ts). */
interface ImportStore {
  file: { name: string; bytes: Uint8Array } | null;
  /** The user's own mapping once they change a column; null while guessed or saved. */
  columns: (ImportField | null)[] | null;
  mappingName: string | null;
  decisions: Record<number, Action>;
  createAgencies: string[];
  /** What the import did, shown until another file is chosen. */
  result: ImportResult | null;
  chooseFile(file: File): Promise<void>;
  /** `shown`: the columns as the preview has them now (guessed or saved). */
  setColumn(index: number, field: ImportField | null, shown: readonly (ImportField | null)[]): void;
  applyMapping(name: string | null): void;
  setDecision(row: number, action: Action): void;
  setCreateAgency(name: string, create: boolean): void;
  setCreateAgencies(names: string[]): void;
  setResult(result: ImportResult): void;
  reset(): void;
}

type Fresh = Pick<ImportStore, 'file' | 'columns' | 'mappingName' | 'decisions' | 'createAgencies' | 'result'>;

/** A new file starts from nothing: no choices made for the previous file carry over. */
const fresh = (): Fresh => ({ file: null, columns: null, mappingName: null, decisions: {}, createAgencies: [], result: null });

export const useImportStore = create<ImportStore>()((set, get) => ({
  ...fresh(),
  async chooseFile(file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    set({ ...fresh(), file: { name: file.name, bytes } });
  },
  setColumn(index, field, shown) {
    const current = get().columns ?? shown;
    set({ columns: current.map((f, i) => (i === index ? field : f)) });
  },
  applyMapping: (name) => set({ mappingName: name, columns: null }),
  setDecision: (row, action) => set({ decisions: { ...get().decisions, [row]: action } }),
  setCreateAgency(name, create) {
    const others = get().createAgencies.filter((n) => n !== name);
    set({ createAgencies: create ? [...others, name] : others });
  },
  setCreateAgencies: (names) => set({ createAgencies: [...names] }),
  setResult: (result) => set({ result }),
  reset: () => set(fresh()),
}));

/** What the preview (and the import) read: the file with the user's mapping, their saved one, or none. */
export function importSource(state: Pick<ImportStore, 'file' | 'columns' | 'mappingName'>): Input<'intake.preview'> | null {
  const { file, columns, mappingName } = state;
  if (!file) return null;
  return { fileName: file.name, bytes: file.bytes, ...(columns ? { columns } : mappingName ? { mappingName } : {}) };
}

/** The import's input: the previewed source plus the row decisions and agencies to add. */
export function importInput(state: Pick<ImportStore, 'file' | 'columns' | 'mappingName' | 'decisions' | 'createAgencies'>): Input<'intake.import'> | null {
  const source = importSource(state);
  if (!source) return null;
  const decisions = Object.entries(state.decisions).map(([row, action]) => ({ row: Number(row), action }));
  return { ...source, decisions, createAgencies: state.createAgencies };
}
