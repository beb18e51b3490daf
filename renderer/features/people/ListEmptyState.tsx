import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { navigate } from '../../app/router';
import { useLoadSampleData } from '../welcome/use-sample-data';
import { isFiltered, usePeopleListStore } from './people-list-store';

/** Says why the list is empty and what to do about it. */
export function ListEmptyState() {
  const query = usePeopleListStore((s) => s.query);
  const sample = useLoadSampleData();

  if (isFiltered(query)) {
    return (
      <Stack align="flex-start" p="lg" className="empty-state">
        <Title order={2} size="h4">
          No one matches{query.search.trim() ? ` “${query.search.trim()}”` : ''} with these filters
        </Title>
        <Text c="dimmed">Check the spelling, search by email or agency instead, or clear the filters to see everyone.</Text>
        <Button variant="default" onClick={() => usePeopleListStore.getState().clearFilters()}>
          Clear search and filters
        </Button>
      </Stack>
    );
  }
  return (
    <Stack align="flex-start" p="lg" className="empty-state">
      <Title order={2} size="h4">
        No one is on the master list yet
      </Title>
      <Text c="dimmed">Add the first person from their registration, import a spreadsheet of registrations, or load fictional sample data to try the app.</Text>
      <Group>
        <Button onClick={() => navigate('/people/new')}>Add the first person</Button>
        <Button variant="default" onClick={() => navigate('/import')}>
          Import registrations
        </Button>
        <Button variant="default" loading={sample.seeding} onClick={() => sample.load()}>
          Load sample data
        </Button>
      </Group>
    </Stack>
  );
}
