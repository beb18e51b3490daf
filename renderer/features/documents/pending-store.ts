import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { PendingListOutput, PendingRow, PendingSection } from '../../../shared/domain/document-queue';
import { api } from '../../api/client';
import { onEntitiesChanged } from '../app/live-updates';

export const PENDING_PAGE_SIZE = 50;

interface PendingStore {
  section: PendingSection;
  agencyId: number | null;
  /** `desc`: who has waited longest first. */
  direction: 'asc' | 'desc';
  offset: number;
  items: PendingRow[];
  total: number | null;
  counts: PendingListOutput['counts'] | null;
  selected: Set<number>;
  error: AppError | null;
  load(): Promise<void>;
  set(changes: Partial<Pick<PendingStore, 'section' | 'agencyId' | 'direction' | 'offset'>>): void;
  toggle(personId: number): void;
  selectPage(all: boolean): void;
  remind(): Promise<string>;
}

let sequence = 0;

export const usePendingStore = create<PendingStore>()((set, get) => ({
  section: 'missing',
  agencyId: null,
  direction: 'desc',
  offset: 0,
  items: [],
  total: null,
  counts: null,
  selected: new Set(),
  error: null,
  async load() {
    const mine = ++sequence;
    const { section, agencyId, direction, offset } = get();
    try {
      const page = await api.documents.pending({ section, direction, offset, limit: PENDING_PAGE_SIZE, ...(agencyId ? { agencyId } : {}) });
      if (mine === sequence) set({ items: page.items, total: page.total, counts: page.counts, error: null });
    } catch (error) {
      if (mine === sequence) set({ error: AppError.from(error) });
    }
  },
  set(changes) {
    // A new section or filter starts at the top, with nothing selected.
    const reset = 'offset' in changes ? {} : { offset: 0 };
    set({ ...changes, ...reset, selected: new Set() });
    void get().load();
  },
  toggle(personId) {
    const selected = new Set(get().selected);
    if (!selected.delete(personId)) selected.add(personId);
    set({ selected });
  },
  selectPage(all) {
    set({ selected: all ? new Set(get().items.map((r) => r.personId)) : new Set() });
  },
  async remind() {
    const result = await api.documents.remind({ personIds: [...get().selected] });
    set({ selected: new Set() });
    const skipped = result.skipped.length ? ` ${result.skipped.length} skipped: ${result.skipped[0]?.reason}` : '';
    return `${result.queued} ${result.queued === 1 ? 'reminder' : 'reminders'} put in the Outbox.${skipped}`;
  },
}));

onEntitiesChanged(['documents', 'people', 'mail'], () => void usePendingStore.getState().load());
