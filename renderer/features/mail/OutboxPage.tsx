import { Alert, Button, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { MAIL_STATUS_LABELS } from '../../../shared/domain/mail';
import { useAppStore } from '../app/app-store';
import { PrintFrame } from '../print/PrintFrame';
import { rangeWords } from '../print/range-words';
import { RemindersPreviewCard } from '../recert/RemindersPreviewCard';
import { MessageTable } from './MessageTable';
import { MessageViewer } from './MessageViewer';
import { OUTBOX_PAGE_SIZE, useOutboxStore } from './outbox-store';
import { useMailStatus, useOutboxPage } from './use-mail';
import { OutboxToolbar } from './OutboxToolbar';

/** Every message the app sent or will send, with why it is where it is. */
export function OutboxPage() {
  const { offset, setOffset, filter } = useOutboxStore();
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
      <PrintFrame title="Outbox" filters={filter ? `Status: ${MAIL_STATUS_LABELS[filter]}` : 'All messages'} scope={total === null ? undefined : rangeWords(offset, items.length, total, 'message', 'messages')} />
      <Group justify="space-between" align="flex-end" className="no-print">
        <Title order={1} size="h2">
          Outbox
        </Title>
        <Button variant="default" onClick={() => window.print()} disabled={!total}>
          Print
        </Button>
      </Group>
      <Text c="dimmed" size="sm" className="no-print">
        {status?.mode === 'drafts'
          ? 'No mail server is set: messages are saved as drafts your mail program opens ready to send. Set a server under Settings.'
          : 'Messages go out through the mail server in Settings; those it turns away for now are tried again automatically.'}
      </Text>
      {status?.problem && <Alert color="red" title="Sending is stopped">{status.problem}</Alert>}
      {error && <Alert color="red">{error.message}</Alert>}
      <div className="no-print">
        <RemindersPreviewCard />
      </div>
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
