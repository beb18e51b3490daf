import { Alert, Anchor, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useEffect } from 'react';
import { plural } from '../../../shared/plural';
import { useCall } from '../../api/use-call';
import { href } from '../../app/router';
import { useAppStore } from '../app/app-store';
import { AttemptResult, useSendResults } from './AttemptResult';
import { useImportResponsesStore } from './import-responses-store';
import { useGradedAttempts, useGradeResponses, useResponsesPreview } from './use-import-responses';
import { ResponsesDecisions } from './ResponsesDecisions';

const ACCEPT = {
  'text/csv': ['.csv'],
  'text/plain': ['.csv', '.txt'],
  'application/vnd.ms-excel': ['.csv'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

function Drop({ reading }: { reading: boolean }) {
  const chooseFile = useImportResponsesStore((s) => s.chooseFile);
  return (
    <Dropzone onDrop={(files) => files[0] && void chooseFile(files[0])} accept={ACCEPT} multiple={false} loading={reading} data-testid="responses-dropzone" aria-label="Drop a quiz responses file here, or press Enter to choose one">
      <Stack gap={4} align="center" mih={120} justify="center" style={{ pointerEvents: 'none' }}>
        <Text size="lg" fw={600}>
          Drop the quiz responses export here
        </Text>
        <Text c="dimmed" size="sm">
          Google Forms: Responses › Download responses (.csv). Microsoft Forms: Open results in Excel (.xlsx). Or click to choose the file.
        </Text>
      </Stack>
    </Dropzone>
  );
}

function Results() {
  const result = useImportResponsesStore((s) => s.result);
  const graded = useGradedAttempts();
  const send = useSendResults();
  if (!result) return null;
  const attempts = graded.data?.items ?? [];
  const unsent = attempts.filter((a) => !a.resultsSentAt && a.passed !== null).map((a) => a.id);
  return (
    <Stack gap="sm">
      <Alert color="teal" role="status" title={`Graded ${result.graded}: ${result.passed} passed, ${result.failed} not passed`}>
        {result.needsMarking ? `${result.needsMarking} wait for short answers to be marked. ` : ''}
        {result.alreadyImported ? `${result.alreadyImported} were imported before and were skipped. ` : ''}
        {result.resultEmails ? `Queued ${plural(result.resultEmails, 'result email', 'result emails')}.` : ''}
      </Alert>
      <Group justify="flex-end" className="no-print">
        {unsent.length === 0 ? (
          <Text size="sm" c="dimmed">
            {attempts.length ? 'Every result ready to send has been sent.' : ''}
          </Text>
        ) : (
          <Button loading={send.isPending} onClick={() => send.mutate({ attemptIds: unsent })}>
            Send {plural(unsent.length, 'result', 'results')}
          </Button>
        )}
      </Group>
      {graded.error && <Alert color="red">{graded.error.message}</Alert>}
      {attempts.map((a) => (
        <AttemptResult key={a.id} attempt={a} />
      ))}
    </Stack>
  );
}

/** Quiz responses from Google Forms or Microsoft Forms: matched, decided, graded at once, checked, sent. */
export function ImportResponsesPage() {
  const store = useImportResponsesStore();
  const list = useCall('quizzes.list', {});
  const quizzes = list.data ?? [];
  const { data: preview, error: previewError, isFetching: reading } = useResponsesPreview();
  const grading = useGradeResponses();
  const error = list.error ?? previewError ?? grading.error;
  const listSettled = list.isSuccess || list.isError;
  useEffect(() => {
    if (listSettled) useAppStore.getState().markPageReady();
  }, [listSettled]);
  useEffect(() => () => useImportResponsesStore.getState().reset(), []);
  const toGrade = preview ? preview.matchedRows - preview.alreadyImported : 0;
  const grade = () => {
    const { file, quizId, columns, rows, sendResults } = useImportResponsesStore.getState();
    if (file && preview) grading.mutate({ fileName: file.name, bytes: file.bytes, quizId: preview.quizId ?? quizId, columns, rows, sendResults });
  };
  const startOver = () => {
    grading.reset();
    store.reset();
  };
  return (
    <Stack gap="md">
      <div>
        <Anchor href={href('/quizzes')} size="sm" className="no-print">
          ← Quizzes to grade
        </Anchor>
        <Title order={1} size="h2">
          Import quiz responses
        </Title>
        {store.file && <Text c="dimmed">{store.file.name}</Text>}
      </div>
      {error && <Alert color="red">{error.message}</Alert>}
      {!store.result && <Drop reading={reading} />}
      {!store.result && preview && <ResponsesDecisions quizzes={quizzes} preview={preview} />}
      {preview && !store.result && (
        <Group justify="flex-end">
          <Checkbox label="Send results now (a fail’s email has the link to take the quiz again)" checked={store.sendResults} onChange={(e) => store.setSendResults(e.currentTarget.checked)} />
          <Button onClick={grade} loading={grading.isPending} disabled={toGrade === 0}>
            Grade {toGrade} {toGrade === 1 ? 'response' : 'responses'}
          </Button>
        </Group>
      )}
      <Results />
      {store.result && (
        <Group className="no-print">
          <Button variant="default" onClick={startOver}>
            Import another file
          </Button>
        </Group>
      )}
    </Stack>
  );
}
