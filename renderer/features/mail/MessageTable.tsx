import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { MAIL_STATUS_LABELS, type MailSummary } from '../../../shared/domain/mail';
import { href } from '../../app/router';
import { formatInstant } from '../people/format';
import { addressList, STATUS_COLOR } from './mail-format';
import { OpenDraftButton } from './OpenDraftButton';
import { useOutboxStore } from './outbox-store';
import { useMailAction } from './use-mail';

/** Why a message is where it is: the next try, or what went wrong, in the server's words explained. */
export function StatusDetail({ mail }: { mail: MailSummary }) {
  if (mail.status === 'queued' && mail.nextAttemptAt && mail.attempts > 0) return <Text size="xs">Next try {formatInstant(mail.nextAttemptAt)}. {mail.lastError}</Text>;
  if (mail.lastError) return <Text size="xs" c={mail.status === 'failed' ? 'red' : 'orange'}>{mail.lastError}</Text>;
  if (mail.status === 'drafted') return <Text size="xs" c="dimmed" className="data-dir">{mail.draftPath}</Text>;
  return null;
}

/** View, and what can be done with the message in its status. */
export function MessageActions({ mail }: { mail: MailSummary }) {
  const open = useOutboxStore((s) => s.open);
  const retry = useMailAction('mail.retry', () => 'The message will be sent again.');
  const cancel = useMailAction('mail.cancel', () => 'The message was cancelled.');
  return (
    <Group gap={2} wrap="wrap">
      <Button size="compact-xs" variant="subtle" onClick={() => open(mail.id)}>
        View
      </Button>
      {mail.status === 'drafted' && <OpenDraftButton id={mail.id} />}
      {(mail.status === 'failed' || mail.status === 'cancelled') && (
        <Button size="compact-xs" variant="subtle" onClick={() => retry.mutate({ ids: [mail.id] })}>
          Retry
        </Button>
      )}
      {(mail.status === 'queued' || mail.status === 'failed') && (
        <Button size="compact-xs" variant="subtle" color="red" onClick={() => cancel.mutate({ id: mail.id })}>
          Cancel
        </Button>
      )}
    </Group>
  );
}

export function MessageTable({ items, showPerson = true }: { items: MailSummary[]; showPerson?: boolean }) {
  return (
    // Fixed layout with set widths: the subject gets the room left, and the actions never fall off the edge.
    <Table striped highlightOnHover verticalSpacing="xs" layout="fixed" aria-label="Messages">
      <Table.Thead>
        <Table.Tr>
          {/* At 1366×768 the subject keeps about 280 px: a line or two, not a word a line. */}
          <Table.Th w={110}>Queued</Table.Th>
          {showPerson && <Table.Th w={130}>About</Table.Th>}
          <Table.Th w={190}>To</Table.Th>
          <Table.Th>Subject</Table.Th>
          <Table.Th w={220}>Status</Table.Th>
          <Table.Th w={120} className="no-print">
            Actions
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((mail) => (
          <Table.Tr key={mail.id}>
            <Table.Td>{formatInstant(mail.createdAt)}</Table.Td>
            {showPerson && <Table.Td>{mail.personId ? <Anchor href={href(`/people/${mail.personId}`)}>{mail.personName}</Anchor> : '—'}</Table.Td>}
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{addressList(mail.to)}</Table.Td>
            <Table.Td>{mail.subject}</Table.Td>
            {/* A server's sentence may hold a long address: it wraps in the cell, not over Actions. */}
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Badge color={STATUS_COLOR[mail.status]} variant="light">
                {MAIL_STATUS_LABELS[mail.status]}
              </Badge>
              <StatusDetail mail={mail} />
            </Table.Td>
            <Table.Td className="no-print">
              <MessageActions mail={mail} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
