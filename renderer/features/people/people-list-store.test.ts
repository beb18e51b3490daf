import { beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../shared/contract';
import type { Person } from '../../../shared/domain/person';
import { createClient, setApi } from '../../api/client';
import { INITIAL_QUERY, PAGE_SIZE, rowAt, usePeopleListStore } from './people-list-store';

interface Pending {
  input: Input<'people.list'>;
  resolve: (value: { total: number; items: Person[] }) => void;
}

let pending: Pending[] = [];

function person(id: number, lastName: string): Person {
  return {
    id, firstName: 'Test', lastName, email: `p${id}@example.org`, phone: null, agencyId: 1, agencyName: 'Agency', supervisorName: null,
    supervisorEmail: null, accessLevelId: 1, accessLevelName: 'Read Only', requestType: 'new_user', registeredOn: '2026-01-02',
    notes: null, stage: 'awaiting_documents', createdAt: '2026-01-02T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z',
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  pending = [];
  setApi(
    createClient({
      invoke: (call, input) =>
        new Promise((resolve) => {
          if (call !== 'people.list') throw new Error(`unexpected ${call}`);
          pending.push({ input: input as Input<'people.list'>, resolve: (value) => resolve({ ok: true, value }) });
        }),
      on: () => () => {},
    }),
  );
  usePeopleListStore.setState({ query: INITIAL_QUERY, total: null, pages: new Map(), stalePages: new Map(), generation: usePeopleListStore.getState().generation + 1, error: null });
});

describe('people list store', () => {
  it('loads pages of 200 for the rows asked for, once each', async () => {
    void usePeopleListStore.getState().ensureRange(0, 30);
    void usePeopleListStore.getState().ensureRange(150, 230);
    expect(pending.map((p) => [p.input.offset, p.input.limit])).toEqual([[0, PAGE_SIZE], [PAGE_SIZE, PAGE_SIZE]]);
    pending[1]?.resolve({ total: 1000, items: [person(201, 'B')] });
    await flush();
    expect(usePeopleListStore.getState().total).toBe(1000);
    expect(rowAt(usePeopleListStore.getState(), PAGE_SIZE)?.id).toBe(201);
  });

  it('ignores an answer for a search that was typed over', async () => {
    usePeopleListStore.getState().setQuery({ search: 'a' });
    usePeopleListStore.getState().setQuery({ search: 'ab' });
    expect(pending.map((p) => p.input.search)).toEqual(['a', 'ab']);
    pending[1]?.resolve({ total: 1, items: [person(2, 'Abbott')] });
    await flush();
    pending[0]?.resolve({ total: 50, items: [person(1, 'Adams')] });
    await flush();
    const state = usePeopleListStore.getState();
    expect(state.total).toBe(1);
    expect(rowAt(state, 0)?.lastName).toBe('Abbott');
  });

  it('sends filters and sort to the server and leaves empty ones out', () => {
    usePeopleListStore.getState().setQuery({ agencyId: 3, stage: 'deactivation_requested', sort: 'registeredOn', direction: 'desc', search: '  ' });
    expect(pending[0]?.input).toEqual({ agencyId: 3, stage: 'deactivation_requested', sort: 'registeredOn', direction: 'desc', offset: 0, limit: PAGE_SIZE, search: undefined, accessLevelId: undefined });
  });

  it('keeps showing the old rows while a refresh loads, then replaces them', async () => {
    void usePeopleListStore.getState().ensureRange(0, 10);
    pending[0]?.resolve({ total: 1, items: [person(1, 'Old')] });
    await flush();
    usePeopleListStore.getState().refresh();
    expect(rowAt(usePeopleListStore.getState(), 0)?.lastName).toBe('Old');
    pending[1]?.resolve({ total: 1, items: [person(1, 'New')] });
    await flush();
    expect(rowAt(usePeopleListStore.getState(), 0)?.lastName).toBe('New');
  });
});
