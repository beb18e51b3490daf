import { Alert, Badge, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { AppError } from '../../../shared/app-error';
import type { TrainingPlan } from '../../../shared/domain/quiz-training';
import { api } from '../../api/client';

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
  const [plans, setPlans] = useState<TrainingPlan[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.training.preview({ personIds }).then(setPlans, (e: unknown) => setError(AppError.from(e)));
  }, [personIds]);
  const ready = plans?.filter((p) => !p.problem).length ?? 0;

  async function send() {
    setBusy(true);
    try {
      const result = await api.training.send({ personIds });
      notifications.show({ color: 'teal', message: `Training email queued for ${result.sent} ${result.sent === 1 ? 'person' : 'people'}${result.skipped.length ? `; ${result.skipped.length} not sent` : ''}.` });
      onSent?.();
      onClose();
    } catch (e) {
      setError(AppError.from(e));
    } finally {
      setBusy(false);
    }
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
          <Button onClick={() => void send()} loading={busy} disabled={ready === 0}>
            Queue {ready} training {ready === 1 ? 'email' : 'emails'}
          </Button>
        </Group>
    </Stack>
  );
}
