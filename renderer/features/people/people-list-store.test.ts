import { beforeEach, describe, expect, it } from 'vitest';
import { INITIAL_QUERY, isFiltered, toInput, usePeopleListStore } from './people-list-store';

beforeEach(() => usePeopleListStore.setState({ query: INITIAL_QUERY, searchText: '' }));

describe('people list store', () => {
  it('sends filters and sort to the server and leaves empty ones out', () => {
    usePeopleListStore.getState().setQuery({ agencyId: 3, stage: 'deactivation_requested', sort: 'registeredOn', direction: 'desc', search: '  ' });
    expect(toInput(usePeopleListStore.getState().query)).toEqual({ agencyId: 3, stage: 'deactivation_requested', sort: 'registeredOn', direction: 'desc', search: undefined, accessLevelId: undefined, due: undefined });
  });

  it('sends the "Due" filter, and counts it as a filter that can be cleared', () => {
    usePeopleListStore.getState().setQuery({ due: 'next_60', sort: 'recertDueOn' });
    expect(toInput(usePeopleListStore.getState().query)).toMatchObject({ due: 'next_60', sort: 'recertDueOn' });
    expect(isFiltered(usePeopleListStore.getState().query)).toBe(true);
    usePeopleListStore.getState().clearFilters();
    expect(usePeopleListStore.getState().query).toMatchObject({ due: null, sort: 'recertDueOn' });
  });

  it('clears the search and filters but keeps the order', () => {
    usePeopleListStore.getState().setSearchText('okaf');
    usePeopleListStore.getState().setQuery({ search: 'okaf', agencyId: 2, sort: 'stage', direction: 'desc' });
    expect(isFiltered(usePeopleListStore.getState().query)).toBe(true);
    usePeopleListStore.getState().clearFilters();
    expect(usePeopleListStore.getState()).toMatchObject({ searchText: '', query: { ...INITIAL_QUERY, sort: 'stage', direction: 'desc' } });
    expect(isFiltered(usePeopleListStore.getState().query)).toBe(false);
  });
});
