import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { Quiz } from '../../../shared/domain/quiz';
import type { QuizStats } from '../../../shared/domain/quiz-attempt';
import { api } from '../../api/client';
import { onEntitiesChanged } from '../app/live-updates';

/** The quiz bank and each quiz's statistics. */
interface QuizBankStore {
  quizzes: Quiz[];
  stats: Record<number, QuizStats>;
  loaded: boolean;
  error: AppError | null;
  load(): Promise<void>;
  importFile(file: File): Promise<Quiz | null>;
  exportQuiz(id: number): Promise<void>;
}

/** A download without a server: the browser saves a blob as a file. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const useQuizBankStore = create<QuizBankStore>()((set) => ({
  quizzes: [],
  stats: {},
  loaded: false,
  error: null,
  async load() {
    try {
      const quizzes = await api.quizzes.list();
      const stats = await Promise.all(quizzes.map((q) => api.quizzes.stats({ id: q.id })));
      set({ quizzes, stats: Object.fromEntries(stats.map((s) => [s.quizId, s])), loaded: true, error: null });
    } catch (error) {
      set({ error: AppError.from(error), loaded: true });
    }
  },
  async importFile(file) {
    try {
      return await api.quizzes.import({ fileName: file.name, text: await file.text() });
    } catch (error) {
      set({ error: AppError.from(error) });
      return null;
    }
  },
  async exportQuiz(id) {
    try {
      const file = await api.quizzes.export({ id });
      download(file.fileName, file.text);
    } catch (error) {
      set({ error: AppError.from(error) });
    }
  },
}));

onEntitiesChanged(['quizzes'], () => {
  if (useQuizBankStore.getState().loaded) void useQuizBankStore.getState().load();
});
