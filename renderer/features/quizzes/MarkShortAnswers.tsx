import { Button, Group, Stack, Text } from '@mantine/core';
import type { Attempt } from '../../../shared/domain/quiz-attempt';
import { useCall, useCallMutation } from '../../api/use-call';

/** Short answers wait for a person's judgement: each shown with its model answer, marked right or wrong. */
export function MarkShortAnswers({ attempt }: { attempt: Attempt }) {
  const open = attempt.results.filter((r) => r.outcome === 'unmarked');
  const versions = useCall('quizzes.versions', { id: attempt.quizId }, { enabled: open.length > 0 });
  const marking = useCallMutation('quizzes.mark', { errorTitle: 'Not marked' });
  if (open.length === 0) return null;
  if (versions.error) return <Text c="red" size="sm">{versions.error.message}</Text>;
  const version = versions.data?.find((v) => v.id === attempt.quizVersionId);
  if (!version) return null;

  const mark = (questionId: string, right: boolean) => marking.mutate({ id: attempt.id, marks: { [questionId]: right } });

  return (
    <Stack gap="xs" mb="xs" aria-label="Short answers to mark">
      {open.map((r) => {
        const question = version.questions.find((q) => q.id === r.questionId);
        return (
          <Group key={r.questionId} justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text size="sm" fw={600}>
                {r.number}. {question?.text}
              </Text>
              <Text size="sm">Their answer: {attempt.answers[r.questionId]?.text}</Text>
              {question?.modelAnswer && (
                <Text size="xs" c="dimmed">
                  Model answer: {question.modelAnswer}
                </Text>
              )}
            </div>
            <Group gap={4} wrap="nowrap" className="no-print">
              <Button size="compact-xs" color="teal" variant="light" disabled={marking.isPending} onClick={() => mark(r.questionId, true)}>
                Right
              </Button>
              <Button size="compact-xs" color="red" variant="light" disabled={marking.isPending} onClick={() => mark(r.questionId, false)}>
                Wrong
              </Button>
            </Group>
          </Group>
        );
      })}
    </Stack>
  );
}
