import { Alert, Button, Group, Loader, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { navigate } from '../../app/router';
import { ExportButtons } from '../intake/ExportButtons';
import { OfficeSetupBanner } from '../mail/OfficeSetupBanner';
import { useAppStore } from '../app/app-store';
import { ListEmptyState } from './ListEmptyState';
import { ListToolbar } from './ListToolbar';
import { PeopleGrid } from './PeopleGrid';
import { usePeopleListStore } from './people-list-store';
import { useFirstPeoplePage } from './use-people-pages';
import { peopleCount } from './format';
import { PrintPeopleList, usePrintList } from './PrintPeopleList';

export function MasterListPage() {
  const query = usePeopleListStore((s) => s.query);
  const first = useFirstPeoplePage(query);
  const total = first.data?.total ?? null;
  const error = first.error;
  const printList = usePrintList();

  useEffect(() => {
    if (total !== null || error) useAppStore.getState().markPageReady();
  }, [total, error]);

  return (
    <div className="list-page">
      <Group justify="space-between" align="flex-end" mb="sm" className="page-head no-print">
        <div>
          <Title order={1} size="h2">
            Master list
          </Title>
          <Text c="dimmed" size="sm" aria-live="polite" data-testid="people-count">
            {total === null ? 'Loading…' : peopleCount(total)}
          </Text>
        </div>
        <Group gap="sm" className="no-print">
          <Button variant="default" onClick={() => void printList()} disabled={!total}>
            Print
          </Button>
          <ExportButtons />
          <Button onClick={() => navigate('/people/new')}>Add person</Button>
        </Group>
      </Group>
      <OfficeSetupBanner />
      <ListToolbar />
      {error && (
        <Alert color="red" mt="sm" title="The list could not be loaded" className="no-print">
          <Group justify="space-between">
            <span>{error.message}</span>
            <Button size="xs" variant="white" loading={first.isFetching} onClick={() => void first.refetch()}>
              Try again
            </Button>
          </Group>
        </Alert>
      )}
      <div className="list-body screen-only">
        {total === null ? !error && <Loader m="xl" aria-label="Loading the master list" /> : total === 0 ? <ListEmptyState /> : <PeopleGrid total={total} firstPage={first.data?.items} />}
      </div>
      <PrintPeopleList />
    </div>
  );
}
