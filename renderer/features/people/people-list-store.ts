import { create } from 'zustand';
import type { Input } from '../../../shared/contract';
import type { PersonDueFilter } from '../../../shared/domain/person';
import type { Stage } from '../../../shared/workflow';

export const PAGE_SIZE = 200;

export type SortField = NonNullable<Input<'people.list'>['sort']>;

export interface ListQuery {
  search: string;
  agencyId: number | null;
  accessLevelId: number | null;
  stage: Stage | null;
  /** Recertification due: in the next 30/60/90 days, overdue or lapsed. */
  due: PersonDueFilter | null;
  sort: SortField;
  direction: 'asc' | 'desc';
}

/** What the master list is asked to show; the rows themselves are queries (use-people-pages.ts). */
interface PeopleListStore {
  query: ListQuery;
  /** What is in the search box now; `query.search` follows it after the debounce. */
  searchText: string;
  setQuery(patch: Partial<ListQuery>): void;
  setSearchText(text: string): void;
  /** Back to everyone, keeping the sort. */
  clearFilters(): void;
}

export const INITIAL_QUERY: ListQuery = { search: '', agencyId: null, accessLevelId: null, stage: null, due: null, sort: 'name', direction: 'asc' };

export const usePeopleListStore = create<PeopleListStore>()((set, get) => ({
  query: INITIAL_QUERY,
  searchText: '',
  setQuery: (patch) => set({ query: { ...get().query, ...patch } }),
  setSearchText: (searchText) => set({ searchText }),
  clearFilters() {
    const { sort, direction } = get().query;
    set({ searchText: '', query: { ...INITIAL_QUERY, sort, direction } });
  },
}));

export function toInput(query: ListQuery): Input<'people.list'> {
  return {
    search: query.search.trim() || undefined,
    agencyId: query.agencyId ?? undefined,
    accessLevelId: query.accessLevelId ?? undefined,
    stage: query.stage ?? undefined,
    due: query.due ?? undefined,
    sort: query.sort,
    direction: query.direction,
  };
}

export const isFiltered = (q: ListQuery) => Boolean(q.search.trim() || q.agencyId || q.accessLevelId || q.stage || q.due);
