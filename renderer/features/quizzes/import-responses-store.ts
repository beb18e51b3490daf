import { create } from 'zustand';
import type { Input } from '../../../shared/contract';
import type { ResponsesImportResult } from '../../../shared/domain/quiz-attempt';

/** A responses file on its way in and the person's decisions about what did not match; the preview and grading are calls. */
interface ImportResponsesStore {
  file: { name: string; bytes: Uint8Array } | null;
  quizId: number | undefined;
  columns: Record<string, string | null>;
  rows: Record<string, number | null>;
  sendResults: boolean;
  /** What grading did, shown until another file is chosen. */
  result: ResponsesImportResult | null;
  chooseFile(file: File): Promise<void>;
  setQuiz(quizId: number): void;
  setColumn(header: string, questionId: string | null): void;
  setRow(row: number, personId: number | null): void;
  setSendResults(on: boolean): void;
  setResult(result: ResponsesImportResult): void;
  reset(): void;
}

const EMPTY = { file: null, quizId: undefined, columns: {}, rows: {}, result: null };

export const useImportResponsesStore = create<ImportResponsesStore>()((set) => ({
  ...EMPTY,
  sendResults: false,
  async chooseFile(file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    set({ ...EMPTY, file: { name: file.name, bytes } });
  },
  setQuiz: (quizId) => set({ quizId, columns: {} }),
  setColumn: (header, questionId) => set((s) => ({ columns: { ...s.columns, [header]: questionId } })),
  setRow: (row, personId) => set((s) => ({ rows: { ...s.rows, [String(row)]: personId } })),
  setSendResults: (on) => set({ sendResults: on }),
  setResult: (result) => set({ result }),
  reset: () => set({ ...EMPTY }),
}));

/** What the preview reads: the file with the chosen quiz and the decisions made so far. */
export function responsesSource(state: Pick<ImportResponsesStore, 'file' | 'quizId' | 'columns' | 'rows'>): Input<'quizzes.previewResponses'> | null {
  const { file, quizId, columns, rows } = state;
  return file ? { fileName: file.name, bytes: file.bytes, quizId, columns, rows } : null;
}
