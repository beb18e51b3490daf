import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Attempt } from '../../../shared/domain/quiz-attempt';
import { useCallMutation } from '../../api/use-call';
import { formatInstant } from '../people/format';

/** Why an attempt no longer counts, where the attempt is shown. */
export function VoidedNote({ attempt }: { attempt: Attempt }) {
  if (!attempt.voided) return null;
  return (
    <Text size="sm" c="red.8" data-testid="attempt-voided">
      Voided by {attempt.voided.by} on {formatInstant(attempt.voided.at)}: {attempt.voided.reason}. It counts for nothing and is never emailed.
    </Text>
  );
}

/** Staff void an attempt entered by mistake; it stays in the history, marked voided with the reason. */
export function VoidAttemptButton({ attempt }: { attempt: Attempt }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const voiding = useCallMutation('quizzes.voidAttempt', { errorShownInPlace: true, onSuccess: () => setOpen(false) });
  if (attempt.voided) return null;
  return (
    <>
      <Button size="xs" variant="subtle" color="red" onClick={() => setOpen(true)}>
        Void attempt
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Void this attempt?" centered>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            voiding.mutate({ id: attempt.id, reason });
          }}
        >
          <Stack>
            <Text size="sm">
              {attempt.personName}’s {attempt.quizTitle} attempt ({attempt.percent}%) stays in the history as voided. It will count for no stage or queue, and its results are never emailed.
            </Text>
            <TextInput label="Reason" required data-autofocus value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={voiding.error?.message} maxLength={500} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Keep attempt
              </Button>
              <Button type="submit" color="red" loading={voiding.isPending} disabled={reason.trim() === ''}>
                Void attempt
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
