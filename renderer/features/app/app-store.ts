import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { Output } from '../../../shared/contract';
import { api } from '../../api/client';
import { onEntitiesChanged } from './live-updates';

export type AppInfo = Output<'app.info'>;
export type AppState = 'loading' | 'ready' | 'error';

interface AppStore {
  info: AppInfo | null;
  error: AppError | null;
  /** Set by the first page once its data is on screen; never unset, so tests wait for it once. */
  pageReady: boolean;
  loadInfo(): Promise<void>;
  markPageReady(): void;
}

export const useAppStore = create<AppStore>()((set) => ({
  info: null,
  error: null,
  pageReady: false,
  async loadInfo() {
    try {
      const info = await api.app.info();
      set({ info, error: null });
    } catch (error) {
      set({ error: AppError.from(error) });
    }
  },
  markPageReady() {
    set((state) => (state.pageReady ? state : { pageReady: true }));
  },
}));

/** The marker e2e tests wait for instead of sleeping: ready once app.info and the first page are in. */
export function selectAppState(state: Pick<AppStore, 'info' | 'error' | 'pageReady'>): AppState {
  if (state.error && !state.info) return 'error';
  return state.info && state.pageReady ? 'ready' : 'loading';
}

// Counts and "show welcome" depend on people and settings.
onEntitiesChanged(['people', 'agencies', 'settings'], () => void useAppStore.getState().loadInfo());
