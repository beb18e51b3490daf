import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { Input } from '../../../shared/contract';
import type { Quiz } from '../../../shared/domain/quiz';
import type { Catalog } from '../../../shared/domain/quiz-training';
import { api } from '../../api/client';
import { onEntitiesChanged } from '../app/live-updates';

/** The training catalog and the quizzes levels choose from. */
interface CatalogStore {
  catalog: Catalog | null;
  quizzes: Quiz[];
  error: AppError | null;
  load(): Promise<void>;
  saveLevel(input: Input<'training.levels.save'>): Promise<boolean>;
  saveMaterial(input: Input<'training.materials.save'>): Promise<boolean>;
  saveLoginUrl(loginUrl: string, expectedLoginUrl: string): Promise<boolean>;
}

export const useCatalogStore = create<CatalogStore>()((set) => {
  async function attempt(work: () => Promise<Catalog>): Promise<boolean> {
    try {
      set({ catalog: await work(), error: null });
      return true;
    } catch (error) {
      set({ error: AppError.from(error) });
      return false;
    }
  }
  return {
    catalog: null,
    quizzes: [],
    error: null,
    async load() {
      try {
        const [catalog, quizzes] = await Promise.all([api.training.catalog(), api.quizzes.list()]);
        set({ catalog, quizzes, error: null });
      } catch (error) {
        set({ error: AppError.from(error) });
      }
    },
    saveLevel: (input) => attempt(() => api.training['levels.save'](input)),
    saveMaterial: (input) => attempt(() => api.training['materials.save'](input)),
    saveLoginUrl: (loginUrl, expectedLoginUrl) => attempt(() => api.training['settings.save']({ loginUrl, expectedLoginUrl })),
  };
});

onEntitiesChanged(['training', 'quizzes', 'accessLevels'], () => {
  if (useCatalogStore.getState().catalog) void useCatalogStore.getState().load();
});
