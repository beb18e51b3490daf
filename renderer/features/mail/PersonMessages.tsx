import { Badge, Card, Group, Text, Title } from '@mantine/core';
import { MAIL_STATUS_LABELS, type MailSummary } from '../../../shared/domain/mail';
import { useCall } from '../../api/use-call';
import { formatInstant } from '../people/format';
import { addressList, STATUS_COLOR } from './mail-format';
import { MessageActions, StatusDetail } from './MessageTable';
import { MessageViewer } from './MessageViewer';

/**
 * One message as a list item, not a table row: the person page's card is narrow at 1366×768, and
 * in a table the addresses broke a letter a line and the headers ran into each other.
 */
function MessageItem({ mail }: { mail: MailSummary }) {
  return (
    <li className="person-message">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Text fw={600} size="sm" className="person-message-subject">
          {mail.subject}
        </Text>
        <Badge color={STATUS_COLOR[mail.status]} variant="light" className="person-message-status">
          {MAIL_STATUS_LABELS[mail.status]}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" className="person-message-meta">
        {formatInstant(mail.createdAt)} · to {addressList(mail.to)}
      </Text>
      <StatusDetail mail={mail} />
      <div className="no-print">
        <MessageActions mail={mail} />
      </div>
    </li>
  );
}

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
      {items && items.length > 0 && (
        <ul className="person-messages" aria-label="Messages">
          {items.map((mail) => (
            <MessageItem key={mail.id} mail={mail} />
          ))}
        </ul>
      )}
      <MessageViewer />
    </Card>
  );
}
