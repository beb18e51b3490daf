import { Alert, Badge, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TrainingPlan } from '../../../shared/domain/quiz-training';
import { useCall, useCallMutation } from '../../api/use-call';
import { plural } from '../../../shared/plural';

/** What each training email will hold, checked before anything is queued. */
function PlanLine({ plan }: { plan: TrainingPlan }) {
  return (
    <Stack gap={2} role="listitem" aria-label={plan.personName}>
      <Group gap="xs">
        <Text fw={600}>{plan.personName}</Text>
        <Text size="sm" c="dimmed">
          {plan.previousLevelName ? `${plan.previousLevelName} → ${plan.accessLevelName} (only what the new level adds)` : plan.accessLevelName}
        </Text>
        {plan.problem && <Badge color="red">Cannot send</Badge>}
      </Group>
      {plan.problem ? (
        <Text size="sm" c="red">
          {plan.problem}
        </Text>
      ) : (
        <Text size="sm">
          {plan.materials.map((m) => m.title).join(' · ')} ({plan.totalMinutes} min) — then {plan.quizzes.map((q) => q.title).join(' and ')}
        </Text>
      )}
    </Stack>
  );
}

export function SendTrainingModal({ personIds, onClose, onSent }: { personIds: number[] | null; onClose: () => void; onSent?: () => void }) {
  return (
    <Modal opened={personIds !== null} onClose={onClose} title="Send training" size="lg">
      {personIds && <SendTrainingBody key={personIds.join(',')} personIds={personIds} onClose={onClose} onSent={onSent} />}
    </Modal>
  );
}

/** Keyed by who is chosen: a new choice starts with a fresh preview. */
function SendTrainingBody({ personIds, onClose, onSent }: { personIds: number[]; onClose: () => void; onSent?: () => void }) {
  const preview = useCall('training.preview', { personIds });
  const sending = useCallMutation('training.send', { errorShownInPlace: true });
  const plans = preview.data ?? null;
  const error = preview.error ?? sending.error;
  const ready = plans?.filter((p) => !p.problem).length ?? 0;

  function send() {
    sending.mutate(
      { personIds },
      {
        onSuccess: (result) => {
          notifications.show({ color: 'teal', message: `Training email queued for ${plural(result.sent, 'person', 'people')}${result.skipped.length ? `; ${result.skipped.length} not sent` : ''}.` });
          onSent?.();
          onClose();
        },
      },
    );
  }

  return (
    <Stack>
        {error && <Alert color="red">{error.message}</Alert>}
        {!plans && !error && <Text>Working out what each person needs…</Text>}
        {plans && (
          <List listStyleType="none" spacing="sm" role="list" aria-label="Training emails">
            {plans.map((p) => (
              <PlanLine key={p.personId} plan={p} />
            ))}
          </List>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={send} loading={sending.isPending} disabled={ready === 0}>
            Queue {plural(ready, 'training email', 'training emails')}
          </Button>
        </Group>
    </Stack>
  );
}
