import { Alert, Group, Loader, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { plural } from '../../../../shared/plural';
import { bucketTitle } from './calendar-grid';
import { useCalendarStore, type Selection } from './calendar-store';
import { useNextNinetyDays } from './use-calendar';

function Pick({ selection, label, children }: { selection: Selection; label: string; children: React.ReactNode }) {
  return (
    <UnstyledButton className="glance-pick" aria-label={label} onClick={() => useCalendarStore.getState().select(selection)}>
      {children}
    </UnstyledButton>
  );
}

/** Who falls due week by week from today, and how many are overdue or lapsed already; each opens its people. */
export function NinetyDays({ today }: { today: string }) {
  const { weeks, overdue, lapsed, error } = useNextNinetyDays(today);
  const total = weeks?.reduce((n, w) => n + w.count, 0) ?? null;
  return (
    <Stack gap="xs" data-testid="ninety-days">
      <div>
        <Title order={2} size="h4">
          The next 90 days at a glance
        </Title>
        <Text size="sm" c="dimmed">
          {total === null ? ' ' : `${plural(total, 'person', 'people')} due from today; pick a week to see who.`}
        </Text>
      </div>
      {error && <Alert color="red">{error.message}</Alert>}
      <Group gap="sm" grow>
        <Pick selection={{ kind: 'status', status: 'overdue' }} label={`Overdue now: ${overdue ?? 'loading'}`}>
          <Text size="xs" c="dimmed">Overdue now</Text>
          <Text fw={700} size="lg" c={overdue ? 'red.8' : undefined}>{overdue ?? '…'}</Text>
        </Pick>
        <Pick selection={{ kind: 'status', status: 'lapsed' }} label={`Lapsed, to deactivate: ${lapsed ?? 'loading'}`}>
          <Text size="xs" c="dimmed">Lapsed, to deactivate</Text>
          <Text fw={700} size="lg">{lapsed ?? '…'}</Text>
        </Pick>
      </Group>
      {!weeks ? (
        <Loader size="sm" aria-label="Loading the next 90 days" />
      ) : (
        <Table verticalSpacing={2} aria-label="People due each week of the next 90 days" className="glance-weeks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Week</Table.Th>
              <Table.Th ta="right">Due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {weeks.map((w) => (
              <Table.Tr key={w.from}>
                <Table.Td>
                  <Pick selection={{ kind: 'range', from: w.from, to: w.to }} label={`${bucketTitle(w)}: ${plural(w.count, 'person', 'people')} due`}>
                    {bucketTitle(w)}
                  </Pick>
                </Table.Td>
                <Table.Td ta="right">
                  <span className="glance-bar" style={{ width: `${total ? Math.round((w.count / Math.max(...weeks.map((x) => x.count), 1)) * 100) : 0}%` }} aria-hidden="true" />
                  {w.count}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
