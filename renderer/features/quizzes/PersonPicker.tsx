import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';

/** Finds a person on the master list as staff type a name or email. */
export function PersonPicker({ label, onPick }: { label: string; onPick: (personId: number) => void }) {
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    let live = true;
    if (search.trim().length < 2) return;
    void api.people.list({ search, limit: 10 }).then((page) => {
      if (live) setOptions(page.items.map((p) => ({ value: String(p.id), label: `${p.firstName} ${p.lastName} — ${p.email}` })));
    });
    return () => {
      live = false;
    };
  }, [search]);
  return (
    <Select
      aria-label={label}
      placeholder="Type a name or email"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={search.trim().length < 2 ? [] : options}
      filter={({ options: all }) => all}
      onChange={(value) => value && onPick(Number(value))}
      nothingFoundMessage={search.trim().length < 2 ? 'Type two letters or more' : 'Nobody found'}
      size="xs"
      w={300}
    />
  );
}
