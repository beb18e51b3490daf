import { Alert, Anchor, Button, Group, Kbd, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Output } from '../../../shared/contract';
import type { Person } from '../../../shared/domain/person';
import type { Quiz } from '../../../shared/domain/quiz';
import { useCall, useCallMutation } from '../../api/use-call';
import { href } from '../../app/router';
import type { PageProps } from '../../app/routes';
import { useAppStore } from '../app/app-store';
import { fullName } from '../people/format';
import { plural } from '../../../shared/plural';
import { answeredCount, applyKey, type EntryState } from './answer-entry';
import { AttemptResult } from './AttemptResult';
import { QuestionEntry } from './QuestionEntry';

const START: EntryState = { index: 0, answers: {} };

/**
 * The person, the quizzes to choose from, and the one to start with: the quiz their last training
 * email asked for that they have not passed yet; else their level's new-user quiz.
 */
function useEntryData(personId: number) {
  const person = useCall('people.get', { id: personId });
  const list = useCall('quizzes.list', {});
  const sends = useCall('training.history', { personId });
  const attempts = useCall('quizzes.attempts', { personId, limit: 500 });
  const catalog = useCall('training.catalog', {});
  const all = [person, list, sends, attempts, catalog];
  const error = all.find((q) => q.error)?.error ?? null;
  const settled = all.every((q) => q.isSuccess || q.isError);
  return { person: person.data ?? null, quizzes: (list.data ?? []).filter((q) => !q.archived), error, settled, defaultQuizId: settled ? defaultQuiz(person.data, list.data, sends.data, attempts.data, catalog.data) : null };
}

function defaultQuiz(person?: Person, quizzes?: Quiz[], sends?: Output<'training.history'>, attempts?: Output<'quizzes.attempts'>, catalog?: Output<'training.catalog'>): number | null {
  const passed = new Set(attempts?.items.filter((a) => a.passed && !a.voided).map((a) => a.quizId));
  const asked = sends?.[0]?.quizIds.find((id) => !passed.has(id));
  return asked ?? catalog?.levels.find((l) => l.id === person?.accessLevelId)?.quizzes.new_user ?? quizzes?.[0]?.id ?? null;
}

export function AnswerEntryPage({ params }: PageProps) {
  const personId = Number(params.personId);
  const { person, quizzes, error: loadError, settled, defaultQuizId } = useEntryData(personId);
  const [chosenQuizId, setQuizId] = useState<number | null>(null);
  // The first default sticks: a refresh (their new attempt) must not switch the quiz being entered.
  if (chosenQuizId === null && defaultQuizId !== null) setQuizId(defaultQuizId);
  const quizId = chosenQuizId ?? defaultQuizId;
  const [state, setState] = useState<EntryState>(START);
  const [marks, setMarks] = useState<Record<string, boolean | undefined>>({});
  const grading = useCallMutation('quizzes.grade', { errorShownInPlace: true });
  // The attempt as stored now, not as graded: sending its results (or marking) must show at once.
  const stored = useCall('quizzes.attempts', { ids: grading.data ? [grading.data.id] : [], limit: 1 }, { enabled: grading.data !== undefined });
  const result = stored.data?.items[0] ?? grading.data ?? null;
  const error = loadError ?? grading.error;
  const board = useRef<HTMLDivElement>(null);
  const quiz = quizzes.find((q) => q.id === quizId);

  useEffect(() => {
    if (settled) useAppStore.getState().markPageReady();
  }, [settled]);

  useEffect(() => {
    board.current?.querySelector('[data-current]')?.scrollIntoView({ block: 'nearest' });
  }, [state.index]);

  const [confirmBlanks, setConfirmBlanks] = useState(false);
  const answered = quiz ? answeredCount(quiz.questions, state.answers) : 0;
  const blanks = quiz ? quiz.questions.length - answered : 0;

  /** Grading with questions unanswered is a choice staff make, not what a stray Ctrl+Enter does. */
  function askToGrade() {
    if (!quiz || grading.isPending) return;
    if (blanks > 0) setConfirmBlanks(true);
    else grade();
  }

  function closeConfirm() {
    setConfirmBlanks(false);
    setTimeout(() => board.current?.focus(), 0);
  }

  function grade() {
    setConfirmBlanks(false);
    if (!quiz || grading.isPending) return;
    const cleanMarks = Object.fromEntries(Object.entries(marks).filter((e): e is [string, boolean] => e[1] !== undefined));
    grading.mutate({ personId, quizId: quiz.id, answers: state.answers, marks: cleanMarks });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!quiz || (event.target as HTMLElement).tagName === 'INPUT' && event.key !== 'Enter') return;
    const action = applyKey(state, quiz.questions, event);
    if (action.kind === 'none') return;
    event.preventDefault();
    if (action.kind === 'grade') askToGrade();
    else setState(action.state);
  }

  function restart(nextQuiz = quizId) {
    setQuizId(nextQuiz);
    setState(START);
    setMarks({});
    grading.reset();
    setTimeout(() => board.current?.focus(), 0);
  }

  return (
    <Stack gap="md">
      <div>
        <Anchor href={href(person ? `/people/${person.id}` : '/quizzes')} size="sm">
          ← {person ? fullName(person) : 'Quizzes to grade'}
        </Anchor>
        <Title order={1} size="h2">
          Enter quiz answers{person ? ` — ${fullName(person)}` : ''}
        </Title>
      </div>
      {error && <Alert color="red">{error.message}</Alert>}
      <Modal opened={confirmBlanks} onClose={closeConfirm} title="Grade with answers missing?" centered>
        <Stack>
          <Text>
            {blanks === 1 ? '1 question has' : `${plural(blanks, 'question', 'questions')} have`} no answer — grade anyway? A missing answer counts as wrong.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={grade}>
              Grade anyway
            </Button>
            <Button onClick={closeConfirm} data-autofocus>
              Keep entering answers
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Group align="flex-end">
        <Select label="Quiz" w={360} data={quizzes.map((q) => ({ value: String(q.id), label: `${q.title} (v${q.version})` }))} value={quizId ? String(quizId) : null} onChange={(v) => v && restart(Number(v))} allowDeselect={false} />
        <Text size="sm" c="dimmed">
          <Kbd>1</Kbd>–<Kbd>9</Kbd> select · <Kbd>T</Kbd>/<Kbd>F</Kbd> true/false · then <Kbd>Enter</Kbd> next question · <Kbd>↓</Kbd> skip · <Kbd>↑</Kbd> back · <Kbd>Backspace</Kbd> clear ·{' '}
          <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> grade
        </Text>
      </Group>
      {result ? (
        <Stack>
          <AttemptResult attempt={result} showPerson={false} />
          <Group>
            <Button variant="default" onClick={() => restart()}>
              Enter another attempt
            </Button>
          </Group>
        </Stack>
      ) : (
        quiz && (
          <div ref={board} tabIndex={0} onKeyDown={onKeyDown} className="answer-board" aria-label={`Answers to ${quiz.title}: type the option numbers`} data-testid="answer-board" autoFocus>
            <Stack gap="xs">
              {quiz.questions.map((q, i) => (
                <QuestionEntry
                  key={q.id}
                  question={q}
                  number={i + 1}
                  answer={state.answers[q.id]}
                  current={i === state.index}
                  mark={marks[q.id]}
                  onText={(text) => setState((s) => ({ ...s, answers: { ...s.answers, [q.id]: { choices: [], text } } }))}
                  onMark={(m) => setMarks((all) => ({ ...all, [q.id]: m }))}
                  onFocus={() => setState((s) => ({ ...s, index: i }))}
                />
              ))}
              {/* Sticky: at 1366×768 the progress and Grade stay in sight while the questions scroll. */}
              <Group justify="flex-end" style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', padding: '8px 0', borderTop: '1px solid var(--mantine-color-gray-3)' }}>
                <Text size="sm" role="status" data-testid="answer-progress" fw={600}>
                  {answered} of {quiz.questions.length} answered
                </Text>
                <Button loading={grading.isPending} onClick={askToGrade}>
                  Grade
                </Button>
              </Group>
            </Stack>
          </div>
        )
      )}
    </Stack>
  );
}
