import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { peopleCount } from '../../people/format';
import { monthTitle } from './calendar-grid';
import { useCalendarStore } from './calendar-store';
import { AgendaTable } from './AgendaTable';
import { useAgenda } from './use-calendar';

/** Everyone due in the month shown, grouped by day, a page at a time. */
export function AgendaList({ month, counts }: { month: string; counts: ReadonlyMap<string, number> }) {
  const pages = useCalendarStore((s) => s.agendaPages);
  const { rows, total, error, loading } = useAgenda(month, pages);
  return (
    <Stack gap="xs" data-testid="agenda">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h4">
          Agenda for {monthTitle(month)}
        </Title>
        <Text size="sm" c="dimmed">
          {total === null ? ' ' : `${peopleCount(total)} due`}
        </Text>
      </Group>
      {error && <Alert color="red">{error.message}</Alert>}
      {total === 0 && <Text size="sm">Nobody is due in {monthTitle(month)} under the filters chosen.</Text>}
      {rows.length > 0 && <AgendaTable rows={rows} counts={counts} />}
      {loading && <Loader size="sm" aria-label="Loading the agenda" />}
      {total !== null && rows.length < total && !loading && (
        <Button variant="default" onClick={() => useCalendarStore.getState().showMoreAgenda()} className="no-print" style={{ alignSelf: 'flex-start' }}>
          Show more ({rows.length.toLocaleString('en-US')} of {total.toLocaleString('en-US')} shown)
        </Button>
      )}
    </Stack>
  );
}
