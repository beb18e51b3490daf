import { Alert, Button, Card, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { callKey, useCallMutation } from '../../api/use-call';
import { useAppStore } from '../app/app-store';
import { useAppInfo } from '../app/use-app-info';
import { SAMPLE_PEOPLE, useLoadSampleData } from './use-sample-data';

/** "Start empty": the welcome page goes once app.info says so. */
function useStartEmpty() {
  const client = useQueryClient();
  return useCallMutation('app.dismissWelcome', {
    errorShownInPlace: true,
    onSuccess: () => client.invalidateQueries({ queryKey: callKey('app.info', {}) }),
  });
}

/** First run: an empty database. Offer fictional sample data to explore, or a clean start. */
export function WelcomePage() {
  const sample = useLoadSampleData();
  const dismiss = useStartEmpty();
  const dataDir = useAppInfo().data?.dataDir;
  const busy = sample.seeding ? 'seeding' : dismiss.isPending ? 'dismissing' : null;
  const { progress } = sample;
  const error = dismiss.error;

  useEffect(() => useAppStore.getState().markPageReady(), []);

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Stack maw={720} mx="auto" mt="xl" gap="lg">
      <div>
        <Title order={1}>Welcome to HMIS Access Desk</Title>
        <Text mt="xs" c="dimmed">
          Track every HMIS end user from registration through documents, training, quiz and credentials, and keep them recertified every year.
        </Text>
      </div>
      <Card withBorder padding="lg">
        <Stack gap="md">
          <Title order={2} size="h4">
            How would you like to begin?
          </Title>
          <List spacing="xs" size="sm">
            <List.Item>
              <strong>Load sample data</strong> fills the list with {SAMPLE_PEOPLE} fictional caseworkers at made-up agencies, so you can try everything safely.
            </List.Item>
            <List.Item>
              <strong>Start empty</strong> if you are ready to register real users. You can add people one by one or import your master list.
            </List.Item>
          </List>
          {busy === 'seeding' && (
            <Stack gap={4} aria-live="polite">
              <Progress value={percent} animated aria-label="Loading sample data" />
              <Text size="sm" c="dimmed">
                {progress ? `${progress.label}: ${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')}` : 'Starting…'}
              </Text>
            </Stack>
          )}
          {error && (
            <Alert color="red" title="That did not work">
              {error.message}
            </Alert>
          )}
          <Group>
            <Button onClick={() => sample.load()} loading={busy === 'seeding'} disabled={busy !== null && busy !== 'seeding'}>
              Load sample data
            </Button>
            <Button variant="default" onClick={() => dismiss.mutate({})} loading={busy === 'dismissing'} disabled={busy !== null && busy !== 'dismissing'}>
              Start empty
            </Button>
          </Group>
        </Stack>
      </Card>
      {dataDir && (
        <Text size="xs" c="dimmed">
          Your data is kept on this computer in {dataDir}. No client (homeless person) data is ever stored here: only staff onboarding records.
        </Text>
      )}
    </Stack>
  );
}
