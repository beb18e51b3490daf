import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Output } from '../../../shared/contract';
import type { Attempt } from '../../../shared/domain/quiz-attempt';
import { plural } from '../../../shared/plural';
import { useCallMutation } from '../../api/use-call';
import { formatDate, formatInstant } from '../people/format';
import { MarkShortAnswers } from './MarkShortAnswers';
import { VoidAttemptButton, VoidedNote } from './VoidAttempt';

export function PassBadge({ passed }: { passed: boolean | null }) {
  if (passed === null) return <Badge color="yellow">Short answers to mark</Badge>;
  return <Badge color={passed ? 'teal' : 'red'}>{passed ? 'Passed' : 'Not passed'}</Badge>;
}

/** Every cached attempt list shows what was just sent, before the refetch the `changed` event starts. */
function markSent(client: QueryClient, sent: Output<'quizzes.sendResults'>['sent']) {
  const at = new Map(sent.map((s) => [s.attemptId, s.resultsSentAt]));
  client.setQueriesData<Output<'quizzes.attempts'>>({ queryKey: ['quizzes.attempts'] }, (page) =>
    page && { ...page, items: page.items.map((a) => (at.has(a.id) ? { ...a, resultsSentAt: at.get(a.id) ?? a.resultsSentAt } : a)) },
  );
  void client.invalidateQueries({ queryKey: ['training.queue'] });
}

/** Queues the quiz-result email (a fail's has the retake link) for the attempts it is given. */
export function useSendResults() {
  const client = useQueryClient();
  return useCallMutation('quizzes.sendResults', {
    errorTitle: 'Results not sent',
    onSuccess: (r) => {
      markSent(client, r.sent);
      notifications.show({ color: r.resultEmails ? 'teal' : 'yellow', message: `Queued ${plural(r.resultEmails, 'result email', 'result emails')}.${r.skipped.length ? ` ${r.skipped[0]?.reason}` : ''}` });
    },
  });
}

export function MissedTable({ attempt }: { attempt: Attempt }) {
  if (attempt.missed.length === 0) return <Text size="sm">{attempt.passed === null ? '' : 'No question missed.'}</Text>;
  return (
    <Table verticalSpacing={4} aria-label={`Missed questions of ${attempt.personName}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40}>No.</Table.Th>
          <Table.Th>Question</Table.Th>
          <Table.Th w="25%">Their answer</Table.Th>
          <Table.Th w="28%">Correct answer</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {attempt.missed.map((m) => (
          <Table.Tr key={m.questionId}>
            <Table.Td>{m.number}</Table.Td>
            <Table.Td>{m.question}</Table.Td>
            <Table.Td c="red.8">{m.yourAnswer}</Table.Td>
            <Table.Td c="teal.8" fw={600}>
              {m.correctAnswer}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A graded attempt as staff check it before sending: score, pass or fail, each missed question with the right answer. */
export function AttemptResult({ attempt, showPerson = true }: { attempt: Attempt; showPerson?: boolean }) {
  const send = useSendResults();
  // The answer this very button got counts at once, whatever copy of the attempt the page holds.
  const sentAt = attempt.resultsSentAt ?? send.data?.sent.find((s) => s.attemptId === attempt.id)?.resultsSentAt ?? null;
  const title = showPerson ? attempt.personName : `${attempt.quizTitle} — try ${attempt.tryNumber}`;
  return (
    <Card withBorder padding="md" component="article" aria-label={`${attempt.personName}: ${attempt.percent}%`} className="attempt-result">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Group gap="xs">
            <Text fw={700}>{title}</Text>
            <PassBadge passed={attempt.passed} />
            {attempt.voided && <Badge color="gray">Voided</Badge>}
          </Group>
          <Text size="sm" c="dimmed">
            {showPerson ? `${attempt.quizTitle} (version ${attempt.version}), try ${attempt.tryNumber}` : `Version ${attempt.version}`} · taken {formatDate(attempt.takenOn)}
          </Text>
        </div>
        <Stack gap={2} align="flex-end">
          <Text fw={700} size="xl" data-testid="attempt-score">
            {attempt.score} / {attempt.maxScore} · {attempt.percent}%
          </Text>
          <Text size="xs" c="dimmed">
            Pass mark {attempt.passMark}%
          </Text>
        </Stack>
      </Group>
      <VoidedNote attempt={attempt} />
      {!attempt.voided && <MarkShortAnswers attempt={attempt} />}
      <MissedTable attempt={attempt} />
      <Group justify="space-between" mt="xs" className="no-print">
        <Text size="xs" c="dimmed">
          {sentAt ? `Results sent ${formatInstant(sentAt)}` : attempt.voided ? 'Voided: results are never sent' : 'Results not sent yet'}
        </Text>
        <Group gap="xs">
          <VoidAttemptButton attempt={attempt} />
          {!attempt.voided && (
            <Button size="xs" variant={sentAt ? 'default' : 'filled'} disabled={attempt.passed === null} loading={send.isPending} onClick={() => send.mutate({ attemptIds: [attempt.id], resend: sentAt !== null })}>
              {sentAt ? 'Send results again' : 'Send results'}
            </Button>
          )}
        </Group>
      </Group>
    </Card>
  );
}
