import { Alert, Badge, Button, Card, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { QUIZ_KIND_LABELS } from '../../../shared/domain/quiz';
import { href, navigate } from '../../app/router';
import { useAppStore } from '../app/app-store';
import { formatInstant } from '../people/format';
import { useQuizBankStore } from './quiz-bank-store';
import { QuizStatsView } from './QuizStatsView';

/** Every quiz with its version, pass mark and statistics; make, edit, import and export quizzes. */
export function QuizBankPage() {
  const { quizzes, stats, error, load, importFile, exportQuiz } = useQuizBankStore();
  useEffect(() => {
    void load().finally(() => useAppStore.getState().markPageReady());
  }, [load]);

  async function onImport(file: File | null) {
    if (!file) return;
    const quiz = await importFile(file);
    if (quiz) notifications.show({ color: 'teal', message: `Added ${quiz.title} to the quiz bank.` });
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Quiz bank
          </Title>
          <Text c="dimmed" size="sm">
            Editing the questions or pass mark of a quiz someone has taken makes a new version; their attempts keep the version they took.
          </Text>
        </div>
        <Group className="no-print">
          <FileButton onChange={(f) => void onImport(f)} accept="application/json,.json">
            {(props) => (
              <Button variant="default" {...props}>
                Import quiz (JSON)
              </Button>
            )}
          </FileButton>
          <Button onClick={() => navigate('/quiz-bank/new')}>New quiz</Button>
        </Group>
      </Group>
      {error && <Alert color="red">{error.message}</Alert>}
      {quizzes.map((q) => (
        <Card key={q.id} withBorder padding="md" component="article" aria-label={q.title}>
          <Group justify="space-between" align="flex-start">
            <div>
              <Group gap="xs">
                <Text fw={700}>{q.title}</Text>
                <Badge variant="light">{QUIZ_KIND_LABELS[q.kind]}</Badge>
                {q.archived && <Badge color="gray">Archived</Badge>}
              </Group>
              <Text size="sm" c="dimmed">
                No. {q.id} · version {q.version} · {q.questions.length} questions, {q.maxScore} points · pass mark {q.passMark}% · changed {formatInstant(q.updatedAt)}
              </Text>
            </div>
            <Group gap="xs" className="no-print">
              <Button size="xs" variant="default" onClick={() => void exportQuiz(q.id)}>
                Export
              </Button>
              <Button size="xs" component="a" href={href(`/quiz-bank/${q.id}`)}>
                Edit
              </Button>
            </Group>
          </Group>
          <QuizStatsView stats={stats[q.id]} />
        </Card>
      ))}
    </Stack>
  );
}
