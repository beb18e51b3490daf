import { Alert, Badge, Button, Card, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueries } from '@tanstack/react-query';
import { useEffect } from 'react';
import { QUIZ_KIND_LABELS, type Quiz } from '../../../shared/domain/quiz';
import { callQuery, useCall, useCallMutation } from '../../api/use-call';
import { downloadFile } from '../../app/download';
import { href, navigate } from '../../app/router';
import { useAppStore } from '../app/app-store';
import { formatInstant } from '../people/format';
import { QuizStatsView } from './QuizStatsView';

/** Every quiz with its version, pass mark and statistics; make, edit, import and export quizzes. */
/** Each quiz's statistics, a query of its own (a failed one shows its sentence in place of the figures). */
function useQuizStats(quizzes: readonly Quiz[]) {
  return useQueries({ queries: quizzes.map((q) => callQuery('quizzes.stats', { id: q.id })) });
}

export function QuizBankPage() {
  const list = useCall('quizzes.list', {});
  const quizzes = list.data ?? [];
  const stats = useQuizStats(quizzes);
  const importer = useCallMutation('quizzes.import', { errorTitle: 'Quiz not imported', onSuccess: (quiz) => notifications.show({ color: 'teal', message: `Added ${quiz.title} to the quiz bank.` }) });
  const exporter = useCallMutation('quizzes.export', { errorTitle: 'Quiz not exported', onSuccess: (file) => downloadFile(file.fileName, 'application/json', file.text) });
  const settled = list.isSuccess || list.isError;
  useEffect(() => {
    if (settled) useAppStore.getState().markPageReady();
  }, [settled]);

  async function onImport(file: File | null) {
    if (file) importer.mutate({ fileName: file.name, text: await file.text() });
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
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      {quizzes.map((q, i) => (
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
              <Button size="xs" variant="default" onClick={() => exporter.mutate({ id: q.id })}>
                Export
              </Button>
              <Button size="xs" component="a" href={href(`/quiz-bank/${q.id}`)}>
                Edit
              </Button>
            </Group>
          </Group>
          {stats[i]?.error ? <Text c="red" size="sm">{stats[i]?.error?.message}</Text> : <QuizStatsView stats={stats[i]?.data} />}
        </Card>
      ))}
    </Stack>
  );
}
