import { create } from 'zustand';
import type { AuditFilters } from '../../../shared/domain/audit';

export const AUDIT_PAGE_SIZE = 100;

/** The audit viewer's filters and page: UI state only, kept while the office moves between pages. */
interface AuditStore {
  filters: AuditFilters;
  offset: number;
  setFilter<K extends keyof AuditFilters>(key: K, value: AuditFilters[K] | undefined): void;
  clear(): void;
  page(offset: number): void;
}

export const useAuditStore = create<AuditStore>()((set) => ({
  filters: {},
  offset: 0,
  setFilter: (key, value) =>
    set((state) => {
      const filters = { ...state.filters };
      if (value === undefined || value === '') delete filters[key];
      else filters[key] = value;
      return { filters, offset: 0 };
    }),
  clear: () => set({ filters: {}, offset: 0 }),
  page: (offset) => set({ offset }),
}));
