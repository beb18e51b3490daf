import { Alert, Group, Kbd, Stack, Text, TextInput } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useCall } from '../../api/use-call';
import { Dialog } from '../../app/Dialog';
import { navigate } from '../../app/router';
import { fullName, peopleCount } from '../people/format';
import { StageBadge } from '../people/StageBadge';
import { finderInput, useFinderStore } from './finder-store';

const LIST_ID = 'person-finder-results';
const optionId = (id: number) => `person-finder-option-${id}`;

/** Ctrl+K from anywhere: type part of a name, email or agency; arrows choose; Enter opens. */
export function PersonFinder() {
  const { opened, text, search, active } = useFinderStore();
  const finder = useFinderStore.getState();
  // The previous answer stays while the next search runs: the list does not flash as you type.
  const found = useCall('people.list', finderInput(search), { enabled: opened, placeholderData: keepPreviousData });
  const results = found.data?.items ?? [];
  const total = found.data?.total ?? 0;
  const searching = text !== search || found.isFetching;
  const error = found.error;
  const current = results[active];

  const inputRef = useRef<HTMLInputElement>(null);
  useTypeAhead(opened, inputRef);

  useEffect(() => {
    if (current) document.getElementById(optionId(current.id))?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  function openPerson(id: number) {
    finder.close();
    navigate(`/people/${id}`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    const delta = moves[event.key];
    if (delta !== undefined) {
      event.preventDefault();
      finder.move(delta, results.length);
    } else if (event.key === 'Enter' && current) {
      event.preventDefault();
      openPerson(current.id);
    }
  }

  return (
    <Dialog opened={opened} onClose={finder.close} title="Find a person" size="lg" yOffset="10vh" className="no-print">
      <Stack gap="sm">
        <TextInput
          data-autofocus
          ref={inputRef}
          // Letters typed while the dialog opened are already in the box: the caret goes after them.
          onFocus={(event) => event.currentTarget.setSelectionRange(text.length, text.length)}
          aria-label="Find a person"
          placeholder="Name, email or agency"
          value={text}
          onChange={(event) => finder.setText(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls={LIST_ID}
          aria-autocomplete="list"
          aria-activedescendant={current ? optionId(current.id) : undefined}
          autoComplete="off"
          spellCheck={false}
        />
        {error && <Alert color="red">{error.message}</Alert>}
        <ul id={LIST_ID} role="listbox" aria-label="People found" className="finder-results" aria-busy={searching}>
          {results.map((person, index) => (
            <li
              key={person.id}
              id={optionId(person.id)}
              role="option"
              aria-selected={index === active}
              className="finder-option"
              onMouseMove={() => index !== active && finder.setActive(index)}
              onClick={() => openPerson(person.id)}
            >
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <div className="finder-option-text">
                  <Text fw={600} size="sm" truncate>
                    {fullName(person)}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {person.email} · {person.agencyName}
                  </Text>
                </div>
                <StageBadge stage={person.stage} size="xs" />
              </Group>
            </li>
          ))}
        </ul>
        <Group justify="space-between">
          <Text size="xs" c="dimmed" aria-live="polite">
            {searching ? 'Searching…' : text.trim() ? `${peopleCount(total)} found` : results.length ? `${peopleCount(total)} on the list` : 'No people on the list yet'}
            {!searching && total > results.length ? ` — showing the first ${results.length}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> choose · <Kbd size="xs">Enter</Kbd> open · <Kbd size="xs">Esc</Kbd> close
          </Text>
        </Group>
      </Stack>
    </Dialog>
  );
}

/**
 * From the moment Ctrl+K is pressed every key belongs to the finder: until its box has focus (the
 * dialog is still opening), keys are caught before they reach the page and added to the box.
 */
function useTypeAhead(opened: boolean, inputRef: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    if (!opened) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      const input = inputRef.current;
      if (input && document.activeElement === input) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (!useFinderStore.getState().typeAhead(event.key)) return;
      event.preventDefault();
      event.stopPropagation();
      input?.focus();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [opened, inputRef]);
}
