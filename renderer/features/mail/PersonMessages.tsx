import { Card, Text, Title } from '@mantine/core';
import { useCall } from '../../api/use-call';
import { MessageTable } from './MessageTable';
import { MessageViewer } from './MessageViewer';

/** Every message to or about one person, with its status; for the person page. */
export function PersonMessages({ personId }: { personId: number }) {
  const { data, error } = useCall('mail.list', { personId, limit: 200 });
  const items = data?.items;

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
