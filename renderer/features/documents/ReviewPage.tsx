import { Alert, Anchor, Badge, Button, Grid, Group, Kbd, Loader, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS, type DocumentRecord } from '../../../shared/domain/document';
import type { Person } from '../../../shared/domain/person';
import { useCall, useCallMutation } from '../../api/use-call';
import { downloadFile, isDesktop } from '../../app/download';
import { href, navigate } from '../../app/router';
import type { PageProps } from '../../app/routes';
import { useAppStore } from '../app/app-store';
import './documents.css';
import { STATUS_COLOR } from './document-words';
import { useReviewDecision } from './use-review-decision';
import { FindingsPanel } from './FindingsPanel';
import { MessageCard } from './MessageCard';
import { PdfViewer } from './PdfViewer';
import { RejectDialog } from './RejectDialog';

/** Who a rejection email goes to, as the core decides it: the supervisor signs the Staff Verification. */
function recipientOf(doc: DocumentRecord, person: Person | null): string {
  if (doc.kind === 'staff_verification' && person?.supervisorEmail) return `${person.supervisorName ?? 'the supervisor'} <${person.supervisorEmail}>`;
  return person ? `${person.firstName} ${person.lastName} <${person.email}>` : 'the sender';
}

function OriginalButton({ doc, bytes }: { doc: DocumentRecord; bytes: Uint8Array | null }) {
  if (isDesktop()) {
    return <OpenOriginalButton id={doc.id} />;
  }
  return (
    <Button variant="default" disabled={!bytes} onClick={() => bytes && downloadFile(doc.fileName, 'application/pdf', bytes)}>
      Download the original
    </Button>
  );
}

function OpenOriginalButton({ id }: { id: number }) {
  const open = useCallMutation('documents.openOriginal', { errorTitle: 'Not opened' });
  return (
    <Button variant="default" loading={open.isPending} onClick={() => open.mutate({ id })}>
      Open in the PDF viewer
    </Button>
  );
}

/** The next form waiting for review (not this one), longest waiting first. */
function useNextInReview(currentId: number): number | null | undefined {
  const queue = useCall('documents.pending', { section: 'review', direction: 'desc', offset: 0, limit: 2 });
  if (!queue.data) return undefined;
  return queue.data.items.find((row) => row.documentId !== currentId)?.documentId ?? null;
}

function NextDocument({ nextId, decided }: { nextId: number | null | undefined; decided: boolean }) {
  if (nextId === undefined) return null;
  if (nextId === null) {
    return decided ? (
      <Text size="sm" c="dimmed">
        No more documents to review. <Anchor href={href('/documents/pending')}>Open the queue</Anchor>
      </Text>
    ) : null;
  }
  return (
    <Button variant={decided ? 'filled' : 'default'} component="a" href={href(`/documents/${nextId}`)} aria-keyshortcuts="N">
      Next document <Kbd ml={6} size="xs" aria-hidden>N</Kbd>
    </Button>
  );
}

function Actions({ doc, bytes, person }: { doc: DocumentRecord; bytes: Uint8Array | null; person: Person | null }) {
  const [rejecting, setRejecting] = useState(false);
  const review = useReviewDecision({ errorTitle: 'Not accepted' });
  const nextId = useNextInReview(doc.id);
  const open = doc.status === 'in_review';
  const accept = () => review.mutate({ id: doc.id, decision: 'accept' }, { onSuccess: () => notifications.show({ color: 'teal', message: `${DOCUMENT_KIND_LABELS[doc.kind]} accepted.` }) });
  // A accept, R reject, N next: a review session without the mouse. Not while the reject dialog is open.
  useHotkeys([
    ['a', () => open && !rejecting && !review.isPending && accept()],
    ['r', () => open && !rejecting && setRejecting(true)],
    ['n', () => !rejecting && nextId && navigate(`/documents/${nextId}`)],
  ]);
  return (
    <Group gap="sm" className="no-print">
      {open && (
        <>
          <Button color="teal" loading={review.isPending} onClick={accept} aria-keyshortcuts="A">
            Accept <Kbd ml={6} size="xs" aria-hidden>A</Kbd>
          </Button>
          <Button color="red" variant="light" onClick={() => setRejecting(true)} aria-keyshortcuts="R">
            Reject… <Kbd ml={6} size="xs" aria-hidden>R</Kbd>
          </Button>
          <RejectDialog doc={doc} recipient={recipientOf(doc, person)} opened={rejecting} onClose={() => setRejecting(false)} />
        </>
      )}
      <OriginalButton doc={doc} bytes={bytes} />
      <NextDocument nextId={nextId} decided={!open} />
    </Group>
  );
}

/** One document: the PDF beside what the reader found, with Accept and Reject. */
export function ReviewPage({ params }: PageProps) {
  const id = Number(params.id);
  const { data: doc, error } = useCall('documents.get', { id });
  // The bytes never change for a document: fetched once, not on every refresh (see call-reads.ts).
  const file = useCall('documents.file', { id });
  const bytes = file.data?.bytes ?? null;
  // For the line under the title and the rejection's recipient; the review itself works without it.
  const owner = useCall('people.get', { id: doc?.personId ?? 0 }, { enabled: doc !== undefined });
  const person = owner.data ?? null;

  useEffect(() => {
    if (doc || error) useAppStore.getState().markPageReady();
  }, [doc, error]);

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
          {person ? ` · ${person.accessLevelName} at ${person.agencyName}` : owner.error ? ` · ${owner.error.message}` : ''}
        </Text>
      </div>
      <Actions doc={doc} bytes={bytes} person={person} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {bytes ? <PdfViewer bytes={bytes} title={doc.fileName} /> : file.error ? <Alert color="red">{file.error.message}</Alert> : <Loader aria-label="Loading the PDF" />}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            {doc.message && <MessageCard message={doc.message} />}
            <FindingsPanel doc={doc} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
