import { CloseButton, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { PERSON_DUE_FILTERS, type PersonDueFilter } from '../../../shared/domain/person';
import { STAGE_LABELS, STAGES, type Stage } from '../../../shared/workflow';
import { DUE_FILTER_LABELS } from '../recert/recert-words';
import { accessLevelOptions, agencyOptions, useLookups } from '../lookups/use-lookups';
import { usePeopleListStore } from './people-list-store';

const STAGE_OPTIONS = STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }));
const DUE_OPTIONS = PERSON_DUE_FILTERS.map((due) => ({ value: due, label: DUE_FILTER_LABELS[due] }));
const SEARCH_DEBOUNCE_MS = 120;

const toId = (value: string | null) => (value ? Number(value) : null);

/** Search as you type and the four filters of the master list. */
export function ListToolbar() {
  const query = usePeopleListStore((s) => s.query);
  const setQuery = usePeopleListStore((s) => s.setQuery);
  const { agencies, accessLevels, error: lookupsError } = useLookups();
  const text = usePeopleListStore((s) => s.searchText);
  const setText = usePeopleListStore((s) => s.setSearchText);
  const search = useDebouncedCallback((value: string) => setQuery({ search: value }), SEARCH_DEBOUNCE_MS);

  function changeText(value: string) {
    setText(value);
    search(value);
  }

  // Who is due is worked soonest first: choosing a "Due" filter sorts by due date too.
  function changeDue(value: string | null) {
    const due = (value as PersonDueFilter | null) ?? null;
    setQuery(due ? { due, sort: 'recertDueOn', direction: 'asc' } : { due: null });
  }

  function clearText() {
    search.cancel();
    setText('');
    setQuery({ search: '' });
  }

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" className="no-print" role="search" aria-label="Search and filter people">
      <TextInput
        label="Search people"
        placeholder="Name, email or agency"
        value={text}
        onChange={(event) => changeText(event.currentTarget.value)}
        onKeyDown={(event) => event.key === 'Escape' && text && clearText()}
        rightSection={text ? <CloseButton size="sm" aria-label="Clear the search" onClick={clearText} /> : null}
        w={220}
        type="search"
        autoComplete="off"
        spellCheck={false}
      />
      <Select
        label="Agency"
        placeholder="All agencies"
        data={agencyOptions(agencies)}
        value={query.agencyId === null ? null : String(query.agencyId)}
        onChange={(value) => setQuery({ agencyId: toId(value) })}
        searchable
        clearable
        nothingFoundMessage="No agency by that name"
        error={lookupsError?.message}
        w={190}
      />
      <Select
        label="Access level"
        placeholder="All access levels"
        data={accessLevelOptions(accessLevels)}
        value={query.accessLevelId === null ? null : String(query.accessLevelId)}
        onChange={(value) => setQuery({ accessLevelId: toId(value) })}
        clearable
        w={190}
      />
      <Select
        label="Stage"
        placeholder="All stages"
        data={STAGE_OPTIONS}
        value={query.stage}
        onChange={(value) => setQuery({ stage: (value as Stage | null) ?? null })}
        clearable
        w={230}
      />
      <Select label="Recertification due" placeholder="Any due date" data={DUE_OPTIONS} value={query.due} onChange={changeDue} clearable w={200} />
    </Group>
  );
}
