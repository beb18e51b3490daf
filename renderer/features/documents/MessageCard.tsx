import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { AppError } from '../../../shared/app-error';
import type { DocumentMessage } from '../../../shared/domain/document';
import { api } from '../../api/client';
import { downloadFile } from '../../app/download';
import { formatInstant } from '../people/format';

const CONTENT_TYPES = { eml: 'message/rfc822', msg: 'application/vnd.ms-outlook' } as const;
const person = (a: { address: string; name: string }) => (a.name ? `${a.name} <${a.address}>` : a.address);

/** The email the form came in: its sender is evidence, and the original opens in the mail program. */
export function MessageCard({ message }: { message: DocumentMessage }) {
  const [opening, setOpening] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const open = async () => {
    setOpening(true);
    setProblem(null);
    try {
      const file = await api.documents.messageFile({ id: message.id });
      downloadFile(file.fileName, CONTENT_TYPES[message.format], file.bytes);
    } catch (caught) {
      setProblem(AppError.from(caught).message);
    } finally {
      setOpening(false);
    }
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="message-title" data-testid="message-card">
      <Title order={2} size="h5" id="message-title" mb={6}>
        Came by email
      </Title>
      <Stack gap={2}>
        <Text size="sm">
          <strong>From:</strong> {message.from ? person(message.from) : 'not said'}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <strong>To:</strong> {message.to.length ? message.to.map(person).join(', ') : 'not said'}
        </Text>
        <Text size="sm">
          <strong>Date:</strong> {message.sentAt ? formatInstant(message.sentAt) : 'not said'}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <strong>Subject:</strong> {message.subject ?? '(none)'}
        </Text>
      </Stack>
      <Button variant="default" size="xs" mt="sm" loading={opening} onClick={() => void open()} className="no-print">
        Open the original message ({message.fileName})
      </Button>
      {problem && (
        <Text size="sm" c="red" mt={4}>
          {problem}
        </Text>
      )}
    </Card>
  );
}
