import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Attempt } from '../../../shared/domain/quiz-attempt';
import { useCallMutation } from '../../api/use-call';
import { formatDate, formatInstant } from '../people/format';
import { MarkShortAnswers } from './MarkShortAnswers';

export function PassBadge({ passed }: { passed: boolean | null }) {
  if (passed === null) return <Badge color="yellow">Short answers to mark</Badge>;
  return <Badge color={passed ? 'teal' : 'red'}>{passed ? 'Passed' : 'Not passed'}</Badge>;
}

/** Queues the quiz-result email (and, for a fail, the retake request) for the attempts it is given. */
export function useSendResults() {
  return useCallMutation('quizzes.sendResults', {
    errorTitle: 'Results not sent',
    onSuccess: (r) => {
      const retakes = r.retakeEmails ? ` and ${r.retakeEmails} retake ${r.retakeEmails === 1 ? 'request' : 'requests'}` : '';
      notifications.show({ color: 'teal', message: `Queued ${r.resultEmails} result ${r.resultEmails === 1 ? 'email' : 'emails'}${retakes}.${r.skipped.length ? ` ${r.skipped[0]?.reason}` : ''}` });
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
  const title = showPerson ? attempt.personName : `${attempt.quizTitle} — try ${attempt.tryNumber}`;
  return (
    <Card withBorder padding="md" component="article" aria-label={`${attempt.personName}: ${attempt.percent}%`} className="attempt-result">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Group gap="xs">
            <Text fw={700}>{title}</Text>
            <PassBadge passed={attempt.passed} />
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
      <MarkShortAnswers attempt={attempt} />
      <MissedTable attempt={attempt} />
      <Group justify="space-between" mt="xs" className="no-print">
        <Text size="xs" c="dimmed">
          {attempt.resultsSentAt ? `Results sent ${formatInstant(attempt.resultsSentAt)}` : 'Results not sent yet'}
        </Text>
        <Button size="xs" variant={attempt.resultsSentAt ? 'default' : 'filled'} disabled={attempt.passed === null} loading={send.isPending} onClick={() => send.mutate({ attemptIds: [attempt.id] })}>
          {attempt.resultsSentAt ? 'Send results again' : 'Send results'}
        </Button>
      </Group>
    </Card>
  );
}
