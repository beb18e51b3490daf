import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useCall } from '../../api/use-call';

export interface PersonOption {
  value: string;
  label: string;
}

interface PersonPickerProps {
  /** The accessible name: which row or file the person is for. */
  label: string;
  value?: number | null;
  onChange(personId: number | null): void;
  /** People to offer before anything is typed (the ones a form names), best first. */
  suggested?: readonly PersonOption[];
  placeholder?: string;
  w?: number;
}

const MIN_LETTERS = 2;
const SEARCH_DEBOUNCE_MS = 150;
const NO_OPTIONS: PersonOption[] = [];

/**
 * Finds a person on the master list as staff type a name or email (quizzes' unmatched rows, dropped
 * files nobody was matched to). A search that fails says why under the input.
 */
export function PersonPicker({ label, value, onChange, suggested = NO_OPTIONS, placeholder = 'Type a name or email', w }: PersonPickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  // Picking an option puts its label in the box: that is not a new search.
  const typed = debounced.length >= MIN_LETTERS && !suggested.some((o) => o.label === debounced) ? debounced : '';
  const found = useCall('people.list', { search: typed, limit: 10 }, { enabled: typed !== '', placeholderData: keepPreviousData });
  const options = typed ? (found.data?.items ?? []).map((p) => ({ value: String(p.id), label: `${p.firstName} ${p.lastName} — ${p.email}` })) : NO_OPTIONS;
  // What is typed comes first: the people it finds, then the form's suggestions it did not find.
  const data = typed ? [...options, ...suggested.filter((s) => !options.some((o) => o.value === s.value))] : [...suggested];
  const short = search.trim().length < MIN_LETTERS;
  return (
    <Select
      size="xs"
      w={w}
      searchable
      clearable
      aria-label={label}
      placeholder={placeholder}
      data={data}
      value={value === undefined ? undefined : value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      searchValue={search}
      onSearchChange={setSearch}
      // The server has searched already: every option it sent is a match.
      filter={({ options: all }) => all}
      error={found.error?.message}
      nothingFoundMessage={short ? 'Type two letters or more' : found.isFetching ? 'Searching…' : 'No one on the list matches'}
    />
  );
}
