import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { AppError } from '../../../shared/app-error';
import type { QuizVersion } from '../../../shared/domain/quiz';
import type { Attempt } from '../../../shared/domain/quiz-attempt';
import { api } from '../../api/client';

/** Short answers wait for a person's judgement: each shown with its model answer, marked right or wrong. */
export function MarkShortAnswers({ attempt }: { attempt: Attempt }) {
  const [version, setVersion] = useState<QuizVersion | null>(null);
  const open = attempt.results.filter((r) => r.outcome === 'unmarked');
  useEffect(() => {
    if (open.length) void api.quizzes.versions({ id: attempt.quizId }).then((all) => setVersion(all.find((v) => v.id === attempt.quizVersionId) ?? null));
  }, [attempt.quizId, attempt.quizVersionId, open.length]);
  if (open.length === 0 || !version) return null;

  async function mark(questionId: string, right: boolean) {
    try {
      await api.quizzes.mark({ id: attempt.id, marks: { [questionId]: right } });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not marked', message: AppError.from(error).message });
    }
  }

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
              <Button size="compact-xs" color="teal" variant="light" onClick={() => void mark(r.questionId, true)}>
                Right
              </Button>
              <Button size="compact-xs" color="red" variant="light" onClick={() => void mark(r.questionId, false)}>
                Wrong
              </Button>
            </Group>
          </Group>
        );
      })}
    </Stack>
  );
}
