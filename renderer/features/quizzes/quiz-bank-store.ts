import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { Quiz } from '../../../shared/domain/quiz';
import type { QuizStats } from '../../../shared/domain/quiz-attempt';
import { api } from '../../api/client';
import { downloadFile } from '../../app/download';
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
      downloadFile(file.fileName, 'application/json', file.text);
    } catch (error) {
      set({ error: AppError.from(error) });
    }
  },
}));

onEntitiesChanged(['quizzes'], () => {
  if (useQuizBankStore.getState().loaded) void useQuizBankStore.getState().load();
});
