import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { peopleCount } from '../../people/format';
import { bucketTitle, peopleDue, weekdayTitle } from './calendar-grid';
import { type Selection } from './calendar-store';
import { DuePeopleTable } from './DuePeopleTable';
import { AGENDA_PAGE, useSelectionPeople } from './use-calendar';

function selectionTitle(selection: Selection): string {
  if (selection.kind === 'status') return selection.status === 'overdue' ? 'Overdue now' : 'Lapsed now — to deactivate';
  return selection.from === selection.to ? weekdayTitle(selection.from) : bucketTitle(selection);
}

/**
 * The people behind what was picked (a day, a week, overdue, lapsed), under the page's filters.
 * Tab from the day reaches it; Escape or "Next 90 days" returns to the glance and the day.
 */
export function SelectionPeople({ selection, onClose }: { selection: Selection; onClose(): void }) {
  const { data, error, isPending } = useSelectionPeople(selection);
  const heading = useRef<HTMLHeadingElement>(null);
  const title = selectionTitle(selection);
  const key = JSON.stringify(selection);
  useEffect(() => {
    // Picked from the glance, whose buttons this panel replaced: focus would be lost, so it comes here.
    // Picked in the grid, focus stays on the day, so arrow keys keep walking the month.
    if (!document.activeElement || document.activeElement === document.body) heading.current?.focus();
  }, [key]);
  const oneDay = selection.kind === 'range' && selection.from === selection.to;

  return (
    <Stack gap="xs" onKeyDown={(e) => e.key === 'Escape' && onClose()} data-testid="selection-people">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Title order={2} size="h4" ref={heading} tabIndex={-1}>
            {title}
          </Title>
          <Text size="sm" c="dimmed" aria-live="polite">
            {data ? (selection.kind === 'status' ? peopleCount(data.total) : peopleDue(data.total).replace(/^./, (c) => c.toUpperCase())) : ' '}
          </Text>
        </div>
        <Button variant="default" size="xs" onClick={onClose} style={{ flexShrink: 0 }}>
          Next 90 days
        </Button>
      </Group>
      {error && <Alert color="red">{error.message}</Alert>}
      {isPending && <Loader size="sm" aria-label="Loading the people" />}
      {data && data.total === 0 && <Text size="sm">Nobody here under the filters chosen.</Text>}
      {data && data.total > 0 && <DuePeopleTable rows={data.items} label={`People: ${title}`} showDue={!oneDay} />}
      {data && data.total > data.items.length && (
        <Text size="sm" c="dimmed">
          The first {AGENDA_PAGE} of {peopleCount(data.total)} are shown; narrow the filters to see the rest.
        </Text>
      )}
    </Stack>
  );
}
