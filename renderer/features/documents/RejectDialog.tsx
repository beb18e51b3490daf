import { Alert, Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { REJECT_REASON_TEXT, REJECT_REASONS, type DocumentRecord, type RejectReason } from '../../../shared/domain/document';
import { Dialog } from '../../app/Dialog';
import { useReviewDecision } from './use-review-decision';

/** Reasons the reader's findings point to, ticked in advance (staff can untick them). */
function suggestedReasons(doc: DocumentRecord): RejectReason[] {
  const problem = (key: string) => doc.findings.some((f) => f.key === key && f.status === 'problem');
  const reasons: RejectReason[] = [];
  if (problem('signature')) reasons.push('missing_signature');
  if (problem('attestation')) reasons.push('background_check_not_confirmed');
  if (problem('person') || problem('name')) reasons.push('wrong_person');
  return reasons;
}

/** Reject with canned reasons and free text; says who will get the email before it is sent. */
export function RejectDialog({ doc, recipient, opened, onClose }: { doc: DocumentRecord; recipient: string; opened: boolean; onClose(): void }) {
  const [reasons, setReasons] = useState<RejectReason[]>(() => suggestedReasons(doc));
  const [note, setNote] = useState('');
  const review = useReviewDecision({ errorShownInPlace: true });
  const error = review.error?.message ?? null;
  const saving = review.isPending;

  function reject() {
    review.mutate({ id: doc.id, decision: 'reject', reasons, note: note.trim() || undefined }, { onSuccess: onClose });
  }

  return (
    <Dialog opened={opened} onClose={onClose} title="Reject this document">
      <Stack gap="sm">
        <Checkbox.Group label="What is wrong" value={reasons} onChange={(v) => setReasons(v as RejectReason[])}>
          <Stack gap={6} mt={6}>
            {REJECT_REASONS.map((reason) => (
              <Checkbox key={reason} value={reason} label={REJECT_REASON_TEXT[reason].label} description={REJECT_REASON_TEXT[reason].sentence} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea label="In your own words (optional)" description="Added to the email after the reasons." autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Text size="sm">
          The rejection email goes to <strong>{recipient}</strong> through the Outbox.
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={saving} disabled={reasons.length === 0 && note.trim() === ''} onClick={reject}>
            Reject and send email
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
