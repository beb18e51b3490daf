import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { navigate } from '../../../app/router';
import { useAppInfo } from '../../app/use-app-info';
import { useLoadSampleData } from '../../welcome/use-sample-data';

/** No one certified yet: say where certifications come from instead of showing a blank month. */
export function EmptyCalendar() {
  const sample = useLoadSampleData();
  // Sample people beside real ones would mislead: offered only to an empty office.
  const emptyOffice = useAppInfo().data?.counts.people === 0;
  return (
    <Stack align="flex-start" p="lg" className="empty-state" data-testid="recert-empty">
      <Title order={2} size="h4">
        No one is certified yet
      </Title>
      <Text c="dimmed" maw={640}>
        A person’s yearly cycle starts when their HMIS credentials are issued: that first certification sets the date their recertification falls due. Once credentials go out,
        the calendar shows who is due each day, and reminders go out before each due date.
      </Text>
      <Group>
        <Button onClick={() => navigate('/credentials')}>Credentials to issue</Button>
        <Button variant="default" onClick={() => navigate('/people')}>
          Master list
        </Button>
        {emptyOffice && (
          <Button variant="default" loading={sample.seeding} onClick={() => sample.load()}>
            Load sample data
          </Button>
        )}
      </Group>
    </Stack>
  );
}
