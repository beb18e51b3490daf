import { QueriesObserver, QueryObserver, keepPreviousData, type QueryObserverOptions } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain/person';
import { createQueryClient, invalidateChanged } from '../../api/query-client';
import { pendingCalls, settle, type PendingCall } from '../../api/test-support';
import { INITIAL_QUERY, PAGE_SIZE, type ListQuery } from './people-list-store';
import { fetchPeopleRows, pageQuery, pagesOf, rowAt } from './use-people-pages';

function person(id: number, lastName: string): Person {
  return {
    id, firstName: 'Test', lastName, email: `p${id}@example.org`, phone: null, agencyId: 1, agencyName: 'Agency', supervisorName: null,
    supervisorEmail: null, accessLevelId: 1, accessLevelName: 'Read Only', requestType: 'new_user', registeredOn: '2026-01-02',
    notes: null, stage: 'awaiting_documents', recertDueOn: null, certifiedOn: null, createdAt: '2026-01-02T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z',
  };
}

const query = (patch: Partial<ListQuery> = {}): ListQuery => ({ ...INITIAL_QUERY, ...patch });
const names = (observer: { getCurrentResult(): { data?: { items: Person[] } } }) => observer.getCurrentResult().data?.items.map((p) => p.lastName);
let pending: PendingCall[];
beforeEach(() => (pending = pendingCalls()));

describe('master list pages', () => {
  it('loads pages of 200 for the rows in view, once each', async () => {
    const client = createQueryClient();
    // As the grid asks: the pages of the rows in view, first rows 0-30, then 150-230.
    const inView = (first: number, last: number) => pagesOf(first, last).map((page) => pageQuery(query(), page)) as QueryObserverOptions[];
    const pages = new QueriesObserver(client, inView(0, 30));
    const off = pages.subscribe(() => {});
    pages.setQueries(inView(150, 230));
    await settle();
    expect(pending.map((p) => [p.input.offset, p.input.limit])).toEqual([[0, PAGE_SIZE], [PAGE_SIZE, PAGE_SIZE]]);
    pending[1]?.answer({ total: 1000, items: [person(201, 'B')] });
    await settle();
    const byPage = new Map([[1, (pages.getCurrentResult()[1]?.data as { items: Person[] } | undefined)?.items ?? []]]);
    expect(rowAt(byPage, PAGE_SIZE)?.id).toBe(201);
    off();
  });

  it('ignores an answer for a search that was typed over, and keeps the previous rows until the new ones come', async () => {
    const client = createQueryClient();
    const first = (q: ListQuery) => ({ ...pageQuery(q, 0), placeholderData: keepPreviousData });
    const observer = new QueryObserver(client, first(query()));
    const off = observer.subscribe(() => {});
    await settle();
    pending[0]?.answer({ total: 2, items: [person(1, 'Adams'), person(2, 'Abbott')] });
    await settle();
    observer.setOptions(first(query({ search: 'a' })));
    observer.setOptions(first(query({ search: 'ab' })));
    await settle();
    expect(pending.map((p) => p.input.search)).toEqual([undefined, 'a', 'ab']);
    expect(names(observer)).toEqual(['Adams', 'Abbott']);
    pending[2]?.answer({ total: 1, items: [person(2, 'Abbott')] });
    await settle();
    pending[1]?.answer({ total: 2, items: [person(1, 'Adams'), person(2, 'Abbott')] });
    await settle();
    expect(observer.getCurrentResult().data?.total).toBe(1);
    expect(names(observer)).toEqual(['Abbott']);
    off();
  });

  it('never shows another page’s rows on a page the grid scrolled to', async () => {
    const client = createQueryClient();
    const observer = new QueryObserver(client, pageQuery(query(), 0));
    const off = observer.subscribe(() => {});
    await settle();
    pending[0]?.answer({ total: 400, items: [person(1, 'Adams')] });
    await settle();
    observer.setOptions(pageQuery(query(), 1));
    expect(observer.getCurrentResult().data).toBeUndefined();
    off();
  });

  it('keeps showing the old rows while a change refreshes them, then replaces them', async () => {
    const client = createQueryClient();
    const observer = new QueryObserver(client, pageQuery(query(), 0));
    const off = observer.subscribe(() => {});
    await settle();
    pending[0]?.answer({ total: 1, items: [person(1, 'Old')] });
    await settle();
    const refreshing = invalidateChanged(client, ['agencies']);
    await settle();
    expect(names(observer)).toEqual(['Old']);
    pending[1]?.answer({ total: 1, items: [person(1, 'New')] });
    await refreshing;
    expect(names(observer)).toEqual(['New']);
    off();
  });

  it('fetches the first rows for printing, using pages already loaded', async () => {
    const client = createQueryClient();
    client.setQueryData(pageQuery(query(), 0).queryKey, { total: 450, items: [person(1, 'A')] });
    const printing = fetchPeopleRows(client, query(), 450);
    await settle();
    expect(pending.map((p) => p.input.offset)).toEqual([200, 400]);
    pending.forEach((p) => p.answer({ total: 450, items: [] }));
    await printing;
  });
});
