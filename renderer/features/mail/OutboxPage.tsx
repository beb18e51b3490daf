import { Alert, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useAppStore } from '../app/app-store';
import { RemindersPreviewCard } from '../recert/RemindersPreviewCard';
import { MessageTable } from './MessageTable';
import { MessageViewer } from './MessageViewer';
import { OUTBOX_PAGE_SIZE, useOutboxStore } from './outbox-store';
import { useMailStatus, useOutboxPage } from './use-mail';
import { OutboxToolbar } from './OutboxToolbar';

/** Every message the app sent or will send, with why it is where it is. */
export function OutboxPage() {
  const { offset, setOffset } = useOutboxStore();
  const page = useOutboxPage();
  const { data: status, error: statusError } = useMailStatus();
  const items = page.data?.items ?? [];
  const total = page.data?.total ?? null;
  const error = page.error ?? statusError;
  const settled = page.isSuccess || page.isError;

  useEffect(() => {
    if (settled) useAppStore.getState().markPageReady();
  }, [settled]);

  const pages = total === null ? 0 : Math.ceil(total / OUTBOX_PAGE_SIZE);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Outbox
      </Title>
      <Text c="dimmed" size="sm">
        {status?.mode === 'drafts'
          ? 'No mail server is set: messages are saved as drafts your mail program opens ready to send. Set a server under Settings.'
          : 'Messages go out through the mail server in Settings; those it turns away for now are tried again automatically.'}
      </Text>
      {status?.problem && <Alert color="red" title="Sending is stopped">{status.problem}</Alert>}
      {error && <Alert color="red">{error.message}</Alert>}
      <RemindersPreviewCard />
      <OutboxToolbar />
      {total === 0 ? <Text>No messages here.</Text> : <MessageTable items={items} />}
      {pages > 1 && (
        <Group justify="center" className="no-print">
          <Pagination total={pages} value={Math.floor(offset / OUTBOX_PAGE_SIZE) + 1} onChange={(p) => setOffset((p - 1) * OUTBOX_PAGE_SIZE)} />
        </Group>
      )}
      <MessageViewer />
    </Stack>
  );
}
