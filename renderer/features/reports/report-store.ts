import { create } from 'zustand';
import type { ReportFilters, ReportId } from '../../../shared/domain/reports';

/** Each report's filters, kept while staff move between reports and the queues. */
interface ReportStore {
  filters: Partial<Record<ReportId, ReportFilters>>;
  setFilters(id: ReportId, changes: Partial<Record<keyof ReportFilters, string | number | undefined>>): void;
  clear(id: ReportId): void;
}

export const useReportStore = create<ReportStore>()((set) => ({
  filters: {},
  setFilters(id, changes) {
    set((state) => {
      const next: Record<string, unknown> = { ...state.filters[id], ...changes };
      for (const key of Object.keys(next)) if (next[key] === undefined || next[key] === '') delete next[key];
      return { filters: { ...state.filters, [id]: next as ReportFilters } };
    });
  },
  clear: (id) => set((state) => ({ filters: { ...state.filters, [id]: {} } })),
}));

/** A date range the contract would refuse, said before asking: the report keeps its last good numbers. */
export function rangeProblem(filters: ReportFilters): string | null {
  return filters.from && filters.to && filters.from > filters.to ? 'The "from" date is after the "to" date; swap them.' : null;
}
