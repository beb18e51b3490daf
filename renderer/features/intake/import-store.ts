import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { ImportField, ImportPreview, ImportResult, SavedMapping } from '../../../shared/domain/intake';
import { api } from '../../api/client';

type Action = 'update' | 'skip';

interface ImportStore {
  file: { name: string; bytes: Uint8Array } | null;
  preview: ImportPreview | null;
  /** The user's own mapping once they change a column; null while guessed or saved. */
  columns: (ImportField | null)[] | null;
  mappingName: string | null;
  mappings: SavedMapping[];
  decisions: Record<number, Action>;
  createAgencies: string[];
  busy: 'reading' | 'importing' | null;
  error: AppError | null;
  result: ImportResult | null;
  chooseFile(file: File): Promise<void>;
  setColumn(index: number, field: ImportField | null): Promise<void>;
  applyMapping(name: string | null): Promise<void>;
  saveMapping(name: string): Promise<void>;
  loadMappings(): Promise<void>;
  setDecision(row: number, action: Action): void;
  setCreateAgency(name: string, create: boolean): void;
  runImport(): Promise<void>;
  reset(): void;
}

type Fresh = Pick<ImportStore, 'file' | 'preview' | 'columns' | 'mappingName' | 'decisions' | 'createAgencies' | 'busy' | 'error' | 'result'>;

/** A new file starts from nothing: no choices made for the previous file carry over. */
const fresh = (): Fresh => ({ file: null, preview: null, columns: null, mappingName: null, decisions: {}, createAgencies: [], busy: null, error: null, result: null });

export const useImportStore = create<ImportStore>()((set, get) => {
  function source() {
    const { file, columns, mappingName } = get();
    if (!file) throw new AppError('invalid', 'Choose a file first.');
    return { fileName: file.name, bytes: file.bytes, ...(columns ? { columns } : mappingName ? { mappingName } : {}) };
  }

  /** Every change of file or mapping judges the rows again: the preview is always what import would do. */
  async function refreshPreview(): Promise<void> {
    set({ busy: 'reading', error: null, result: null });
    try {
      const preview = await api.intake.preview(source());
      set({ preview, busy: null });
    } catch (error) {
      set({ busy: null, error: AppError.from(error) });
    }
  }

  return {
    ...fresh(),
    mappings: [],
    async chooseFile(file) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      set({ ...fresh(), file: { name: file.name, bytes } });
      await refreshPreview();
    },
    async setColumn(index, field) {
      const current = get().columns ?? get().preview?.columns.map((c) => c.field) ?? [];
      set({ columns: current.map((f, i) => (i === index ? field : f)) });
      await refreshPreview();
    },
    async applyMapping(name) {
      set({ mappingName: name, columns: null });
      await refreshPreview();
    },
    async saveMapping(name) {
      const { preview } = get();
      if (!preview) return;
      try {
        await api.intake['mappings.save']({ name, columns: preview.columns.map((c) => ({ header: c.header, field: c.field })) });
        set({ mappingName: name });
        await get().loadMappings();
      } catch (error) {
        set({ error: AppError.from(error) });
      }
    },
    async loadMappings() {
      try {
        set({ mappings: await api.intake['mappings.list']() });
      } catch (error) {
        set({ error: AppError.from(error) });
      }
    },
    setDecision: (row, action) => set({ decisions: { ...get().decisions, [row]: action } }),
    setCreateAgency(name, create) {
      const others = get().createAgencies.filter((n) => n !== name);
      set({ createAgencies: create ? [...others, name] : others });
    },
    async runImport() {
      const { decisions, createAgencies } = get();
      set({ busy: 'importing', error: null });
      try {
        const input = { ...source(), decisions: Object.entries(decisions).map(([row, action]) => ({ row: Number(row), action })), createAgencies };
        const result = await api.intake.import(input);
        set({ result, busy: null });
      } catch (error) {
        set({ busy: null, error: AppError.from(error) });
      }
    },
    reset: () => set(fresh()),
  };
});
