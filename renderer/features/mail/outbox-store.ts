import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { MailDetail, MailStatus, MailSummary } from '../../../shared/domain/mail';
import { api } from '../../api/client';
import { onEntitiesChanged } from '../app/live-updates';
import { useMailStatusStore } from './mail-status-store';

export const OUTBOX_PAGE_SIZE = 50;

interface OutboxStore {
  filter: MailStatus | null;
  offset: number;
  items: MailSummary[];
  total: number | null;
  error: AppError | null;
  /** The message open in the viewer. */
  selected: MailDetail | null;
  setFilter(status: MailStatus | null): void;
  setOffset(offset: number): void;
  load(): Promise<void>;
  open(id: number): Promise<void>;
  close(): void;
  retry(ids: number[] | 'allFailed'): Promise<number>;
  cancel(id: number): Promise<void>;
  setPaused(paused: boolean): Promise<void>;
  sendNow(): Promise<Awaited<ReturnType<typeof api.mail.sendDue>>>;
}

let sequence = 0;

export const useOutboxStore = create<OutboxStore>()((set, get) => ({
  filter: null,
  offset: 0,
  items: [],
  total: null,
  error: null,
  selected: null,
  setFilter(filter) {
    set({ filter, offset: 0 });
    void get().load();
  },
  setOffset(offset) {
    set({ offset });
    void get().load();
  },
  async load() {
    const mine = ++sequence;
    const { filter, offset } = get();
    try {
      const page = await api.mail.list({ status: filter ?? undefined, offset, limit: OUTBOX_PAGE_SIZE });
      if (mine === sequence) set({ items: page.items, total: page.total, error: null });
    } catch (error) {
      if (mine === sequence) set({ error: AppError.from(error) });
    }
    void useMailStatusStore.getState().load();
  },
  async open(id) {
    set({ selected: await api.mail.get({ id }) });
  },
  close: () => set({ selected: null }),
  async retry(ids) {
    const { changed } = await api.mail.retry(ids === 'allFailed' ? { allFailed: true } : { ids });
    return changed;
  },
  async cancel(id) {
    await api.mail.cancel({ id });
  },
  async setPaused(paused) {
    await (paused ? api.mail.pause() : api.mail.resume());
  },
  sendNow: () => api.mail.sendDue({ force: false }),
}));

onEntitiesChanged(['mail'], () => {
  const state = useOutboxStore.getState();
  if (state.total !== null) void state.load();
  if (state.selected) void state.open(state.selected.id);
});
