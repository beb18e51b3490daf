import { notifications } from '@mantine/notifications';
import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { EventPayload } from '../../../shared/contract';
import { api } from '../../api/client';
import { useAppStore } from '../app/app-store';

export const SAMPLE_PEOPLE = 250;

interface WelcomeStore {
  busy: 'seeding' | 'dismissing' | null;
  progress: EventPayload<'progress'> | null;
  error: AppError | null;
  loadSampleData(people?: number): Promise<void>;
  startEmpty(): Promise<void>;
}

export const useWelcomeStore = create<WelcomeStore>()((set, get) => ({
  busy: null,
  progress: null,
  error: null,
  async loadSampleData(people = SAMPLE_PEOPLE) {
    if (get().busy) return;
    set({ busy: 'seeding', progress: null, error: null });
    const off = api.on('progress', (progress) => {
      if (progress.job === 'demo.seed') set({ progress });
    });
    try {
      const result = await api.demo.seed({ people });
      await useAppStore.getState().loadInfo();
      notifications.show({ color: 'teal', title: 'Sample data loaded', message: `${result.people} fictional people at ${result.agencies} agencies are on the master list.` });
    } catch (error) {
      set({ error: AppError.from(error) });
    } finally {
      off();
      set({ busy: null });
    }
  },
  async startEmpty() {
    if (get().busy) return;
    set({ busy: 'dismissing', error: null });
    try {
      await api.app.dismissWelcome();
      await useAppStore.getState().loadInfo();
    } catch (error) {
      set({ error: AppError.from(error) });
    } finally {
      set({ busy: null });
    }
  },
}));
