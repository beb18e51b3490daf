import { Alert, Anchor, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { RemindResult } from '../../../shared/domain/recert';
import { plural } from '../../../shared/plural';
import { href } from '../../app/router';
import { formatDate, formatInstant } from '../people/format';
import { heldSentence, offsetWords, remindSummary } from './reminder-words';
import { useRemindNow, useRemindPreview } from './use-deactivations';

/** Rows shown before "Show all"; a busy day at a big office can have hundreds. */
const FIRST_ROWS = 3;
const MAX_ROWS = 300;

/** When the reminders run by themselves, in a sentence; the office should not have to press anything. */
export function scheduleSentence(r: Pick<RemindResult, 'schedule' | 'lastQueuedAt'>): string {
  const last = r.lastQueuedAt ? ` Reminders were last queued ${formatInstant(r.lastQueuedAt)}.` : '';
  if (!r.schedule) return `The app queues these by itself while it is open; “hmis-desk recert remind” in Windows Task Scheduler queues them when it is closed.${last}`;
  const ran = r.schedule.lastRunAt ? `The app last checked ${formatInstant(r.schedule.lastRunAt)}` : 'The app checks soon after it starts';
  const next = r.schedule.nextRunAt ? ` and checks again ${formatInstant(r.schedule.nextRunAt)}` : '';
  return `${ran}${next}, queueing these by itself.${last}`;
}

function PreviewTable({ items }: { items: RemindResult['items'] }) {
  return (
    <Table withTableBorder verticalSpacing={4} fz="sm" aria-label="Reminders that go out today">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Person</Table.Th>
          <Table.Th>Message</Table.Th>
          <Table.Th w={120}>Due</Table.Th>
          <Table.Th>To</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr key={`${i.personId}-${i.offsetDays}`} data-testid="reminder-preview-row">
            <Table.Td>
              <Anchor href={href(`/people/${i.personId}`)} size="sm">
                {i.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{`${i.kind === 'overdue' ? 'Overdue notice' : 'Reminder'}, ${offsetWords(i.offsetDays).toLowerCase()}`}</Table.Td>
            <Table.Td>{formatDate(i.dueOn)}</Table.Td>
            <Table.Td>
              <Text size="sm">{i.to}</Text>
              {i.cc.length > 0 && (
                <Text size="xs" c="dimmed">
                  copy to supervisor {i.cc.join(', ')}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Reminders a level's missing quiz holds back: the office should see them before anything else. */
function HeldAlert({ held }: { held: RemindResult['held'] }) {
  if (!held.length) return null;
  return (
    <Alert color="yellow" variant="light" mb="sm" title="Some reminders are held" data-testid="reminders-held">
      {heldSentence(held)}{' '}
      <Anchor href={href('/catalog')} size="sm">
        Open Training catalog
      </Anchor>
    </Alert>
  );
}

function Preview({ preview, onQueue, queueing }: { preview: RemindResult; onQueue: () => void; queueing: boolean }) {
  const [all, setAll] = useState(false);
  const items = preview.items;
  if (!items.length) {
    if (preview.held.length) return <Text size="sm">Nothing else to queue today.</Text>;
    return <Text size="sm">{preview.skippedAlreadySent ? `Nothing more to queue today: ${plural(preview.skippedAlreadySent, 'reminder is', 'reminders are')} already in the outbox.` : 'No reminders or overdue notices are due today.'}</Text>;
  }
  const shown = items.slice(0, all ? MAX_ROWS : FIRST_ROWS);
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="center">
        <Text size="sm" data-testid="reminder-preview-summary">
          Would queue {plural(items.length, 'message', 'messages')} today: {remindSummary(items)}.
        </Text>
        <Button onClick={onQueue} loading={queueing} className="no-print">
          Queue them now
        </Button>
      </Group>
      <PreviewTable items={shown} />
      {items.length > FIRST_ROWS && (
        <Group gap="xs" className="no-print">
          <Button variant="subtle" size="compact-sm" onClick={() => setAll(!all)}>
            {all ? 'Show fewer' : `Show all ${items.length.toLocaleString('en-US')}`}
          </Button>
          {all && items.length > MAX_ROWS && <Text size="xs" c="dimmed">The first {MAX_ROWS} are shown; “recert remind --dry-run” lists them all.</Text>}
        </Group>
      )}
    </Stack>
  );
}

/** "What goes out today": the daily reminder run as a dry run, and the run itself on request. */
export function RemindersPreviewCard() {
  const preview = useRemindPreview();
  const queue = useRemindNow();
  const queued = queue.data;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="reminders-today-title" data-testid="reminders-today">
      <Title order={2} size="h4" id="reminders-today-title">
        What goes out today
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Recertification reminders and overdue notices due today. {preview.data ? scheduleSentence(preview.data) : ''}
      </Text>
      {queued && (
        <Alert color="teal" variant="light" mb="sm" withCloseButton onClose={() => queue.reset()} closeButtonLabel="Dismiss">
          {queued.queued ? `Queued ${plural(queued.queued, 'message', 'messages')}: ${remindSummary(queued.items)}. They are in the list below.` : 'Nothing was queued: everything due today was already in the outbox.'}
        </Alert>
      )}
      {preview.error && <Alert color="red">{preview.error.message}</Alert>}
      {preview.isPending && <Loader size="sm" aria-label="Checking today's reminders" />}
      {preview.data && <HeldAlert held={preview.data.held} />}
      {preview.data && <Preview preview={preview.data} onQueue={() => queue.mutate({ dryRun: false })} queueing={queue.isPending} />}
    </Card>
  );
}
