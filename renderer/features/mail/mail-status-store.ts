import { create } from 'zustand';
import type { Output } from '../../../shared/contract';
import { api } from '../../api/client';
import { onEntitiesChanged } from '../app/live-updates';

type MailStatusOutput = Output<'mail.status'>;

/** Counts for the sidebar badge and the Outbox header; refreshed whenever mail changes. */
interface MailStatusStore {
  status: MailStatusOutput | null;
  load(): Promise<void>;
}

export const useMailStatusStore = create<MailStatusStore>()((set) => ({
  status: null,
  async load() {
    try {
      set({ status: await api.mail.status() });
    } catch {
      // The badge is a hint: the Outbox page itself shows the error if the core cannot answer.
    }
  },
}));

onEntitiesChanged(['mail', 'settings'], () => void useMailStatusStore.getState().load());
