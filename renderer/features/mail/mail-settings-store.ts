import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { Input, Output } from '../../../shared/contract';
import type { MailSettings } from '../../../shared/domain/mail';
import { api } from '../../api/client';
import { onEntitiesChanged } from '../app/live-updates';

interface MailSettingsStore {
  settings: MailSettings | null;
  error: AppError | null;
  load(): Promise<void>;
  /** Resolves with the saved settings; rejects with the AppError whose fields the form shows. */
  save(input: Input<'mail.settings.save'>): Promise<MailSettings>;
  test(to: string): Promise<Output<'mail.test'>>;
}

export const useMailSettingsStore = create<MailSettingsStore>()((set) => ({
  settings: null,
  error: null,
  async load() {
    try {
      set({ settings: await api.mail['settings.get'](), error: null });
    } catch (error) {
      set({ error: AppError.from(error) });
    }
  },
  async save(input) {
    const settings = await api.mail['settings.save'](input);
    set({ settings });
    return settings;
  },
  test: (to) => api.mail.test({ to }),
}));

onEntitiesChanged(['settings'], () => {
  if (useMailSettingsStore.getState().settings) void useMailSettingsStore.getState().load();
});
