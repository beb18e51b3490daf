import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useRef } from 'react';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, DOCUMENT_STATUS_LABELS, type DocumentKind, type DocumentRecord } from '../../../shared/domain/document';
import type { Person } from '../../../shared/domain/person';
import { useCall } from '../../api/use-call';
import { href } from '../../app/router';
import { formatDate, formatInstant } from '../people/format';
import './documents.css';
import { findingsSummary, STATUS_COLOR } from './document-words';
import { useUploadStore } from './upload-store';

/** "Attach…": the system's file dialog, several PDFs (or email messages holding them) at once. */
export function AttachButton({ personId, personName, label = 'Attach…' }: { personId: number; personName?: string; label?: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button variant="light" onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".pdf,application/pdf,.msg,.eml,message/rfc822,application/vnd.ms-outlook"
        hidden
        aria-label="Choose PDF files or email messages to attach"
        data-testid="attach-input"
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = '';
          void useUploadStore.getState().attachTo(personId, files, personName);
        }}
      />
    </>
  );
}

function Slot({ kind, current }: { kind: DocumentKind; current: DocumentRecord | undefined }) {
  return (
    <div className="document-slot" data-kind={kind}>
      <Text fw={600} size="sm">
        {DOCUMENT_KIND_LABELS[kind]}
      </Text>
      {current ? (
        <Stack gap={2} mt={4}>
          <Group gap="xs">
            <Badge variant="light" color={STATUS_COLOR[current.status]}>
              {DOCUMENT_STATUS_LABELS[current.status]}
            </Badge>
            <Anchor href={href(`/documents/${current.id}`)} size="sm">
              {current.status === 'in_review' ? 'Review' : 'Open'}
            </Anchor>
          </Group>
          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
            {current.fileName} · attached {formatInstant(current.uploadedAt)}
          </Text>
          {current.message && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              By email from {current.message.from?.address ?? 'an unknown sender'}
              {current.message.subject ? ` · “${current.message.subject}”` : ''}
            </Text>
          )}
          <Text size="xs" c={current.findings.some((f) => f.status === 'problem') ? 'red' : 'dimmed'}>
            {findingsSummary(current.findings)}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mt={4}>
          Not received yet.
        </Text>
      )}
    </div>
  );
}

/** The person page's documents: both forms at a glance, the history, and where to drop new ones. */
export function PersonDocuments({ person }: { person: Person }) {
  const { data: mine, error } = useCall('documents.list', { personId: person.id });
  const current = (kind: DocumentKind) => mine?.find((d) => d.kind === kind && d.status !== 'replaced');
  const history = mine?.filter((d) => d.status === 'replaced') ?? [];

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="documents-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="documents-title">
          Documents
        </Title>
        <span className="no-print">
          <AttachButton personId={person.id} personName={`${person.firstName} ${person.lastName}`} />
        </span>
      </Group>
      {error && <Text c="red">{error.message}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {DOCUMENT_KINDS.map((kind) => (
          <Slot key={kind} kind={kind} current={current(kind)} />
        ))}
      </SimpleGrid>
      {history.length > 0 && (
        <Stack gap={2} mt="sm">
          <Text size="xs" fw={600}>
            Earlier uploads
          </Text>
          {history.map((d) => (
            <Text size="xs" key={d.id}>
              <Anchor href={href(`/documents/${d.id}`)} size="xs">
                {d.fileName}
              </Anchor>{' '}
              — {DOCUMENT_KIND_LABELS[d.kind]}, rejected {d.reviewedAt ? formatDate(d.reviewedAt.slice(0, 10)) : ''}
            </Text>
          ))}
        </Stack>
      )}
      <Text size="xs" c="dimmed" mt="sm" className="no-print">
        Drop the signed PDFs, or the email they came in (.msg from Outlook, .eml), anywhere on this page to attach them to {person.firstName} {person.lastName}.
      </Text>
    </Card>
  );
}
