import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { Attempt, ResponsesImportResult, ResponsesPreview } from '../../../shared/domain/quiz-attempt';
import { api } from '../../api/client';
import { onEntitiesChanged } from '../app/live-updates';

/** A responses file on its way in: preview, the person's decisions about what did not match, then the graded result. */
interface ImportResponsesStore {
  file: { name: string; bytes: Uint8Array } | null;
  quizId: number | undefined;
  columns: Record<string, string | null>;
  rows: Record<string, number | null>;
  preview: ResponsesPreview | null;
  result: ResponsesImportResult | null;
  attempts: Attempt[];
  sendResults: boolean;
  busy: 'reading' | 'grading' | null;
  error: AppError | null;
  chooseFile(file: File): Promise<void>;
  setQuiz(quizId: number): Promise<void>;
  setColumn(header: string, questionId: string | null): Promise<void>;
  setRow(row: number, personId: number | null): Promise<void>;
  setSendResults(on: boolean): void;
  grade(): Promise<void>;
  reloadAttempts(): Promise<void>;
  reset(): void;
}

const EMPTY = { file: null, quizId: undefined, columns: {}, rows: {}, preview: null, result: null, attempts: [], busy: null, error: null };

export const useImportResponsesStore = create<ImportResponsesStore>()((set, get) => {
  const source = () => {
    const { file, quizId, columns, rows } = get();
    return { fileName: file?.name ?? '', bytes: file?.bytes ?? new Uint8Array(), quizId, columns, rows };
  };
  async function preview(): Promise<void> {
    set({ busy: 'reading' });
    try {
      set({ preview: await api.quizzes.previewResponses(source()), error: null });
    } catch (error) {
      set({ error: AppError.from(error), preview: null });
    } finally {
      set({ busy: null });
    }
  }
  return {
    ...EMPTY,
    sendResults: false,
    async chooseFile(file) {
      set({ ...EMPTY, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
      await preview();
    },
    async setQuiz(quizId) {
      set({ quizId, columns: {} });
      await preview();
    },
    async setColumn(header, questionId) {
      set((s) => ({ columns: { ...s.columns, [header]: questionId } }));
      await preview();
    },
    async setRow(row, personId) {
      set((s) => ({ rows: { ...s.rows, [String(row)]: personId } }));
      await preview();
    },
    setSendResults: (on) => set({ sendResults: on }),
    async grade() {
      set({ busy: 'grading' });
      try {
        const result = await api.quizzes.importResponses({ ...source(), quizId: get().preview?.quizId, sendResults: get().sendResults });
        set({ result, error: null });
        await get().reloadAttempts();
      } catch (error) {
        set({ error: AppError.from(error) });
      } finally {
        set({ busy: null });
      }
    },
    async reloadAttempts() {
      const ids = get().result?.attemptIds.slice(0, 500) ?? [];
      if (ids.length === 0) return set({ attempts: [] });
      const page = await api.quizzes.attempts({ ids, limit: 500 });
      set({ attempts: page.items });
    },
    reset: () => set({ ...EMPTY }),
  };
});

// "Send results" marks attempts sent: the result cards show it.
onEntitiesChanged(['quizzes'], () => {
  if (useImportResponsesStore.getState().result) void useImportResponsesStore.getState().reloadAttempts();
});
