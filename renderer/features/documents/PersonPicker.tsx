import { Select } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';
import { useUploadStore, type UploadItem } from './upload-store';

interface Option {
  value: string;
  label: string;
}

/**
 * Who a dropped file belongs to: the people the form names (with how sure the match is) first,
 * and anyone else on the list by typing their name or email.
 */
export function PersonPicker({ item }: { item: UploadItem }) {
  const choose = useUploadStore((s) => s.choose);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Option[]>([]);
  const suggested = useMemo<Option[]>(
    () => (item.recognition?.candidates ?? []).map((c) => ({ value: String(c.personId), label: `${c.name} — ${c.email} (${Math.round(c.confidence * 100)}%, ${c.reason})` })),
    [item.recognition],
  );

  useEffect(() => {
    const text = search.trim();
    if (text.length < 2 || suggested.some((o) => o.label === search)) return;
    let live = true;
    const timer = setTimeout(() => {
      void api.people.list({ search: text, limit: 10 }).then((page) => {
        if (live) setFound(page.items.map((p) => ({ value: String(p.id), label: `${p.firstName} ${p.lastName} — ${p.email}` })));
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search, suggested]);

  const data = [...suggested, ...found.filter((f) => !suggested.some((s) => s.value === f.value))];
  return (
    <Select
      size="xs"
      searchable
      clearable
      aria-label={`Person for ${item.file.name}`}
      placeholder={suggested.length ? 'Choose a person' : 'No match on the form — type a name or email'}
      nothingFoundMessage="No one on the list matches"
      data={data}
      value={item.personId ? String(item.personId) : null}
      onChange={(value) => choose(item.key, { personId: value ? Number(value) : null })}
      onSearchChange={setSearch}
      filter={({ options }) => options}
    />
  );
}
