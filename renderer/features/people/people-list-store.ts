import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { Input } from '../../../shared/contract';
import type { Person } from '../../../shared/domain/person';
import type { Stage } from '../../../shared/workflow';
import { api } from '../../api/client';
import { onEntitiesChanged } from '../app/live-updates';

export const PAGE_SIZE = 200;

export type SortField = NonNullable<Input<'people.list'>['sort']>;

export interface ListQuery {
  search: string;
  agencyId: number | null;
  accessLevelId: number | null;
  stage: Stage | null;
  sort: SortField;
  direction: 'asc' | 'desc';
}

interface PeopleListStore {
  query: ListQuery;
  /** What is in the search box now; `query.search` follows it after the debounce. */
  searchText: string;
  /** Null until the first page of the current query has arrived. */
  total: number | null;
  /** Rows by page number for the current query. */
  pages: ReadonlyMap<number, Person[]>;
  /** The previous query's or refresh's pages, shown until their replacements arrive (no flicker). */
  stalePages: ReadonlyMap<number, Person[]>;
  /** Bumped on every query change or refresh; answers for an older generation are dropped. */
  generation: number;
  error: AppError | null;
  setQuery(patch: Partial<ListQuery>): void;
  setSearchText(text: string): void;
  /** Back to everyone, keeping the sort. */
  clearFilters(): void;
  /** Makes sure rows first..last (inclusive) are loaded or loading; resolves when they are in. */
  ensureRange(first: number, last: number): Promise<void>;
  refresh(): void;
}

export const INITIAL_QUERY: ListQuery = { search: '', agencyId: null, accessLevelId: null, stage: null, sort: 'name', direction: 'asc' };

/** Requests in flight by `generation:page`, so a page is asked for once however often it is needed. */
const loading = new Map<string, Promise<void>>();

export const usePeopleListStore = create<PeopleListStore>()((set, get) => {
  function fetchPage(page: number): Promise<void> {
    const { generation } = get();
    const key = `${generation}:${page}`;
    const running = loading.get(key);
    if (running) return running;
    const work = loadPage(page, generation).finally(() => loading.delete(key));
    loading.set(key, work);
    return work;
  }

  async function loadPage(page: number, generation: number): Promise<void> {
    const { query } = get();
    try {
      const result = await api.people.list({ ...toInput(query), offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      if (get().generation !== generation) return;
      const pages = new Map(get().pages).set(page, result.items);
      set({ pages, total: result.total, error: null });
    } catch (error) {
      if (get().generation === generation) set({ error: AppError.from(error) });
    }
  }

  function restart(query: ListQuery) {
    const { pages, stalePages } = get();
    set({ query, generation: get().generation + 1, pages: new Map(), stalePages: pages.size ? pages : stalePages });
    void fetchPage(0);
  }

  return {
    query: INITIAL_QUERY,
    searchText: '',
    total: null,
    pages: new Map(),
    stalePages: new Map(),
    generation: 0,
    error: null,
    setQuery: (patch) => restart({ ...get().query, ...patch }),
    setSearchText: (searchText) => set({ searchText }),
    clearFilters() {
      const { sort, direction } = get().query;
      set({ searchText: '' });
      restart({ ...INITIAL_QUERY, sort, direction });
    },
    async ensureRange(first, last) {
      const { pages } = get();
      const waits: Promise<void>[] = [];
      for (let page = Math.floor(Math.max(first, 0) / PAGE_SIZE); page <= Math.floor(Math.max(last, 0) / PAGE_SIZE); page += 1) {
        if (!pages.has(page)) waits.push(fetchPage(page));
      }
      await Promise.all(waits);
    },
    refresh() {
      const loaded = [...get().pages.keys()];
      restart(get().query);
      for (const page of loaded) if (page !== 0) void fetchPage(page);
    },
  };
});

onEntitiesChanged(['people', 'agencies', 'accessLevels'], () => {
  if (usePeopleListStore.getState().total !== null) usePeopleListStore.getState().refresh();
});

export function toInput(query: ListQuery): Input<'people.list'> {
  return {
    search: query.search.trim() || undefined,
    agencyId: query.agencyId ?? undefined,
    accessLevelId: query.accessLevelId ?? undefined,
    stage: query.stage ?? undefined,
    sort: query.sort,
    direction: query.direction,
  };
}

/** The row at `index`, from the current pages or, while they load, the stale ones. */
export function rowAt(state: Pick<PeopleListStore, 'pages' | 'stalePages'>, index: number): Person | undefined {
  const page = Math.floor(index / PAGE_SIZE);
  const rows = state.pages.get(page) ?? state.stalePages.get(page);
  return rows?.[index % PAGE_SIZE];
}
