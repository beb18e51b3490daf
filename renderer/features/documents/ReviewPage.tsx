import { Alert, Anchor, Badge, Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { AppError } from '../../../shared/app-error';
import { DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS, type DocumentRecord } from '../../../shared/domain/document';
import type { Person } from '../../../shared/domain/person';
import { api } from '../../api/client';
import { downloadFile, isDesktop } from '../../app/download';
import { href } from '../../app/router';
import type { PageProps } from '../../app/routes';
import { useAppStore } from '../app/app-store';
import './documents.css';
import { STATUS_COLOR } from './document-words';
import { FindingsPanel } from './FindingsPanel';
import { PdfViewer } from './PdfViewer';
import { RejectDialog } from './RejectDialog';
import { useReviewStore } from './review-store';

/** Who a rejection email goes to, as the core decides it: the supervisor signs the Staff Verification. */
function recipientOf(doc: DocumentRecord, person: Person | null): string {
  if (doc.kind === 'staff_verification' && person?.supervisorEmail) return `${person.supervisorName ?? 'the supervisor'} <${person.supervisorEmail}>`;
  return person ? `${person.firstName} ${person.lastName} <${person.email}>` : 'the sender';
}

function OriginalButton({ doc, bytes }: { doc: DocumentRecord; bytes: Uint8Array | null }) {
  if (isDesktop()) {
    const open = () => api.documents.openOriginal({ id: doc.id }).catch((e: unknown) => notifications.show({ color: 'red', message: AppError.from(e).message }));
    return (
      <Button variant="default" onClick={() => void open()}>
        Open in the PDF viewer
      </Button>
    );
  }
  return (
    <Button variant="default" disabled={!bytes} onClick={() => bytes && downloadFile(doc.fileName, 'application/pdf', bytes)}>
      Download the original
    </Button>
  );
}

function Actions({ doc, bytes, person }: { doc: DocumentRecord; bytes: Uint8Array | null; person: Person | null }) {
  const [rejecting, setRejecting] = useState(false);
  const saving = useReviewStore((s) => s.saving);
  const accept = () =>
    useReviewStore
      .getState()
      .decide({ id: doc.id, decision: 'accept' })
      .then(
        () => notifications.show({ color: 'teal', message: `${DOCUMENT_KIND_LABELS[doc.kind]} accepted.` }),
        (e: unknown) => notifications.show({ color: 'red', title: 'Not accepted', message: AppError.from(e).message }),
      );
  return (
    <Group gap="sm" className="no-print">
      {doc.status === 'in_review' && (
        <>
          <Button color="teal" loading={saving} onClick={() => void accept()}>
            Accept
          </Button>
          <Button color="red" variant="light" onClick={() => setRejecting(true)}>
            Reject…
          </Button>
          <RejectDialog doc={doc} recipient={recipientOf(doc, person)} opened={rejecting} onClose={() => setRejecting(false)} />
        </>
      )}
      <OriginalButton doc={doc} bytes={bytes} />
    </Group>
  );
}

/** One document: the PDF beside what the reader found, with Accept and Reject. */
export function ReviewPage({ params }: PageProps) {
  const id = Number(params.id);
  const { document: loaded, bytes, error, load } = useReviewStore();
  const doc = loaded?.id === id ? loaded : null;
  const [person, setPerson] = useState<Person | null>(null);

  useEffect(() => void load(id), [id, load]);
  useEffect(() => {
    if (doc || error) useAppStore.getState().markPageReady();
  }, [doc, error]);
  useEffect(() => {
    if (doc) void api.people.get({ id: doc.personId }).then(setPerson, () => setPerson(null));
  }, [doc?.personId]); // eslint-disable-line react-hooks/exhaustive-deps

  if (error && !doc) return <Alert color="red" title="This document could not be opened">{error.message}</Alert>;
  if (!doc) return <Loader m="xl" aria-label="Loading the document" />;
  return (
    <Stack gap="md">
      <div>
        <Anchor href={href(`/people/${doc.personId}`)} size="sm" className="no-print">
          ← {doc.personName}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            {DOCUMENT_KIND_LABELS[doc.kind]}
          </Title>
          <Badge size="lg" variant="light" color={STATUS_COLOR[doc.status]}>
            {DOCUMENT_STATUS_LABELS[doc.status]}
          </Badge>
        </Group>
        <Text c="dimmed" size="sm">
          {doc.personName}
          {person ? ` · ${person.accessLevelName} at ${person.agencyName}` : ''}
        </Text>
      </div>
      <Actions doc={doc} bytes={bytes} person={person} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>{bytes ? <PdfViewer bytes={bytes} title={doc.fileName} /> : <Loader aria-label="Loading the PDF" />}</Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <FindingsPanel doc={doc} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
