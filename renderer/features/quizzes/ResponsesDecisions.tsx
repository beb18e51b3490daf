import { Alert, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { Quiz } from '../../../shared/domain/quiz';
import { formatDate } from '../people/format';
import type { ResponsesPreview } from '../../../shared/domain/quiz-attempt';
import { useImportResponsesStore } from './import-responses-store';
import { PersonPicker } from '../people/PersonPicker';

const IGNORE = '__ignore__';

/** Columns whose header matches no question: choose the question it answers, or ignore it. */
function ColumnDecisions({ quiz, preview }: { quiz: Quiz | undefined; preview: ResponsesPreview }) {
  const setColumn = useImportResponsesStore((s) => s.setColumn);
  if (preview.unmatchedQuestions.length === 0) return null;
  const options = [{ value: IGNORE, label: 'Ignore this column' }, ...(quiz?.questions.map((q, i) => ({ value: q.id, label: `${i + 1}. ${q.text}` })) ?? [])];
  return (
    <Stack gap="xs" component="section" aria-labelledby="unmatched-columns">
      <Title order={2} size="h4" id="unmatched-columns">
        Columns that match no question
      </Title>
      {preview.unmatchedQuestions.map((header) => (
        <Group key={header} wrap="nowrap">
          <Text size="sm" w={360} fw={500}>
            “{header}”
          </Text>
          <Select size="xs" w={420} aria-label={`Question for the column ${header}`} placeholder="Not graded — choose a question or ignore" data={options} onChange={(v) => v && setColumn(header, v === IGNORE ? null : v)} />
        </Group>
      ))}
    </Stack>
  );
}

/** Rows whose email is on nobody's record: pick the person they belong to, or skip them. */
function RowDecisions({ preview }: { preview: ResponsesPreview }) {
  const setRow = useImportResponsesStore((s) => s.setRow);
  if (preview.unmatchedRows.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="unmatched-rows">
      <Title order={2} size="h4" id="unmatched-rows">
        Responses whose email matches nobody
      </Title>
      <Table verticalSpacing={4} aria-label="Unmatched responses">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>Row</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Taken</Table.Th>
            <Table.Th>Belongs to</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.unmatchedRows.map((r) => (
            <Table.Tr key={r.row}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>{r.email || '—'}</Table.Td>
              <Table.Td>{r.name || '—'}</Table.Td>
              <Table.Td>{r.takenOn ? formatDate(r.takenOn) : '—'}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <PersonPicker label={`Person for row ${r.row}`} w={300} onChange={(id) => id !== null && setRow(r.row, id)} />
                  <Button size="compact-xs" variant="subtle" onClick={() => setRow(r.row, null)}>
                    Skip
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function ResponsesDecisions({ quizzes, preview }: { quizzes: Quiz[]; preview: ResponsesPreview }) {
  const setQuiz = useImportResponsesStore((s) => s.setQuiz);
  const quiz = quizzes.find((q) => q.id === preview.quizId);
  const format = preview.format === 'google_forms' ? 'Google Forms' : 'Microsoft Forms';
  return (
    <Stack gap="md">
      <Group align="flex-end">
        <Select label="Quiz" w={360} value={String(preview.quizId)} data={quizzes.filter((q) => !q.archived).map((q) => ({ value: String(q.id), label: q.title }))} onChange={(v) => v && setQuiz(Number(v))} allowDeselect={false} />
        <Text size="sm" data-testid="responses-summary">
          {format} export: {preview.rows} {preview.rows === 1 ? 'response' : 'responses'}, {preview.matchedRows} matched to people
          {preview.alreadyImported ? `, ${preview.alreadyImported} imported before` : ''}. Graded against version {preview.version}.
        </Text>
      </Group>
      {preview.missingQuestions.length > 0 && (
        <Alert color="orange" title="Questions no column answers">
          These count as unanswered: {preview.missingQuestions.map((q) => `${q.number}. ${q.text}`).join(' · ')}
        </Alert>
      )}
      <ColumnDecisions quiz={quiz} preview={preview} />
      <RowDecisions preview={preview} />
    </Stack>
  );
}
