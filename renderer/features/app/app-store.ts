import { create } from 'zustand';
import type { AppError } from '../../../shared/app-error';
import type { Output } from '../../../shared/contract';

export type AppInfo = Output<'app.info'>;
export type AppState = 'loading' | 'ready' | 'error';

interface AppStore {
  /** Set by the first page once its data is on screen; never unset, so tests wait for it once. */
  pageReady: boolean;
  markPageReady(): void;
}

export const useAppStore = create<AppStore>()((set) => ({
  pageReady: false,
  markPageReady() {
    set((state) => (state.pageReady ? state : { pageReady: true }));
  },
}));

/** The marker e2e tests wait for instead of sleeping: ready once app.info and the first page are in. */
export function selectAppState(state: { info: AppInfo | undefined | null; error: AppError | null; pageReady: boolean }): AppState {
  if (state.error && !state.info) return 'error';
  return state.info && state.pageReady ? 'ready' : 'loading';
}
