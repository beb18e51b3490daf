import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import type { TrainingQueue } from '../../../shared/domain/quiz-training';
import { useAppStore } from '../app/app-store';
import { peopleCount } from '../people/format';
import { PrintFrame } from '../print/PrintFrame';
import { useTrainingQueueStore } from './training-queue-store';
import { useTrainingQueue } from './use-training-queue';

/**
 * Title, explanation, search and count around a queue's table; loads the queue and marks the page
 * ready. `children` (dialogs) stay mounted when the queue empties: a password shown once must not vanish.
 */
export function QueueFrame({ queue, title, intro, actions, table, children }: { queue: TrainingQueue; title: string; intro: string; actions?: ReactNode; table: ReactNode; children?: ReactNode }) {
  const search = useTrainingQueueStore((s) => (s.queue === queue ? s.search : ''));
  const setSearch = useTrainingQueueStore((s) => s.setSearch);
  const { page, total, items } = useTrainingQueue(queue);
  const error = page.error;
  const settled = page.isSuccess || page.isError;
  useEffect(() => useTrainingQueueStore.getState().show(queue), [queue]);
  useEffect(() => {
    if (settled) useAppStore.getState().markPageReady();
  }, [settled]);
  const shownAll = total === null || items.length >= total;
  return (
    <Stack gap="md">
      <PrintFrame
        title={title}
        filters={search.trim() ? `Matching “${search.trim()}”` : 'Everyone waiting'}
        scope={total === null ? undefined : `${peopleCount(total)} waiting${shownAll ? '' : `, the first ${items.length.toLocaleString('en-US')} printed`}`}
      />
      <Group justify="space-between" align="flex-end" className="no-print">
        <div>
          <Title order={1} size="h2">
            {title}
          </Title>
          <Text c="dimmed" size="sm">
            {intro}
          </Text>
        </div>
        <Group className="no-print">
          <Button variant="default" onClick={() => window.print()} disabled={!total}>
            Print
          </Button>
          {actions}
        </Group>
      </Group>
      <Group className="no-print">
        <TextInput placeholder="Search name, email or agency" aria-label="Search the queue" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={320} />
        <Text size="sm" data-testid="queue-count">
          {total === null ? 'Loading…' : `${peopleCount(total)} waiting`}
        </Text>
      </Group>
      {error && <Alert color="red">{error.message}</Alert>}
      {total === 0 ? <Text>Nobody is waiting here.</Text> : table}
      {children}
    </Stack>
  );
}
