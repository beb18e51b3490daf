import { Card, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { AppError } from '../../../shared/app-error';
import type { MailSummary } from '../../../shared/domain/mail';
import { api } from '../../api/client';
import { onEntitiesChanged } from '../app/live-updates';
import { MessageTable } from './MessageTable';
import { MessageViewer } from './MessageViewer';

const listeners = new Set<() => void>();
onEntitiesChanged(['mail'], () => listeners.forEach((refresh) => refresh()));

/** Every message to or about one person, with its status; for the person page. */
export function PersonMessages({ personId }: { personId: number }) {
  const [items, setItems] = useState<MailSummary[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      api.mail.list({ personId, limit: 200 }).then(
        (page) => live && setItems(page.items),
        (e: unknown) => live && setError(AppError.from(e)),
      );
    void load();
    listeners.add(load);
    return () => {
      live = false;
      listeners.delete(load);
    };
  }, [personId]);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="messages-title">
      <Title order={2} size="h4" id="messages-title" mb="md">
        Messages
      </Title>
      {error && <Text c="red">{error.message}</Text>}
      {items?.length === 0 && <Text c="dimmed">No messages to or about this person yet.</Text>}
      {items && items.length > 0 && <MessageTable items={items} showPerson={false} />}
      <MessageViewer />
    </Card>
  );
}
