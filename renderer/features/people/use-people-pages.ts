import { keepPreviousData, useQueries, useQuery, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Output } from '../../../shared/contract';
import type { Person } from '../../../shared/domain/person';
import { callQuery, type CallKey } from '../../api/use-call';
import { PAGE_SIZE, toInput, type ListQuery } from './people-list-store';

type ListPage = Output<'people.list'>;

/**
 * One page of the master list as a query of its own: the virtual grid asks for the pages in view,
 * wherever the scrollbar was dragged, which an infinite query (always from the top) cannot do.
 */
export function pageQuery(query: ListQuery, page: number) {
  const offset = page * PAGE_SIZE;
  return callQuery('people.list', { ...toInput(query), offset, limit: PAGE_SIZE }, {
    // While a new search, filter or sort loads, this page keeps the rows it showed, so the list does
    // not flash; a page the grid has just scrolled to shows placeholders, never another page's rows.
    placeholderData: (previous, previousQuery) => (previousQuery && offsetOf(previousQuery.queryKey) === offset ? previous : undefined),
  });
}

const offsetOf = (key: CallKey<'people.list'>) => (key[1] as { offset?: number }).offset ?? 0;

/** The first page: the count, the empty state and the first rows (the count does not flash while typing). */
export function useFirstPeoplePage(query: ListQuery) {
  return useQuery({ ...pageQuery(query, 0), placeholderData: keepPreviousData });
}

// Module-level, so useQueries re-runs it only when a result changed.
const itemsOf = (results: UseQueryResult<ListPage>[]) => results.map((r) => r.data?.items);

/** Pages by number for the given page numbers; a page still loading is missing. `fetch: false` only reads the cache. */
export function usePeoplePages(query: ListQuery, pages: readonly number[], fetch = true): ReadonlyMap<number, Person[]> {
  const items = useQueries({ queries: pages.map((page) => ({ ...pageQuery(query, page), enabled: fetch })), combine: itemsOf });
  const which = pages.join(',');
  return useMemo(() => {
    const numbers = which ? which.split(',').map(Number) : [];
    return new Map(numbers.flatMap((page, i) => (items[i] ? [[page, items[i]] as const] : [])));
  }, [which, items]);
}

/** The page numbers rows first..last (inclusive) fall on. */
export function pagesOf(first: number, last: number): number[] {
  const pages: number[] = [];
  for (let page = Math.floor(Math.max(first, 0) / PAGE_SIZE); page <= Math.floor(Math.max(last, 0) / PAGE_SIZE); page += 1) pages.push(page);
  return pages;
}

/** Makes sure the first `count` rows are in the cache (for printing). */
export async function fetchPeopleRows(client: QueryClient, query: ListQuery, count: number): Promise<void> {
  await Promise.all(pagesOf(0, count - 1).map((page) => client.fetchQuery(pageQuery(query, page))));
}

/** The row at `index` in the pages at hand. */
export function rowAt(pages: ReadonlyMap<number, Person[]>, index: number): Person | undefined {
  return pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}
