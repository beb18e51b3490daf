import { Alert, Anchor, Button, Group, Kbd, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { AppError } from '../../../shared/app-error';
import type { Person } from '../../../shared/domain/person';
import type { Quiz } from '../../../shared/domain/quiz';
import type { Attempt } from '../../../shared/domain/quiz-attempt';
import { api } from '../../api/client';
import { href } from '../../app/router';
import type { PageProps } from '../../app/routes';
import { useAppStore } from '../app/app-store';
import { fullName } from '../people/format';
import { applyKey, type EntryState } from './answer-entry';
import { AttemptResult } from './AttemptResult';
import { QuestionEntry } from './QuestionEntry';

const START: EntryState = { index: 0, answers: {} };

/** The quiz their last training email asked for that they have not passed yet; else their level's new-user quiz. */
async function defaultQuiz(person: Person, quizzes: Quiz[]): Promise<number | null> {
  const [sends, attempts, catalog] = await Promise.all([api.training.history({ personId: person.id }), api.quizzes.attempts({ personId: person.id, limit: 500 }), api.training.catalog()]);
  const passed = new Set(attempts.items.filter((a) => a.passed).map((a) => a.quizId));
  const asked = sends[0]?.quizIds.find((id) => !passed.has(id));
  return asked ?? catalog.levels.find((l) => l.id === person.accessLevelId)?.quizzes.new_user ?? quizzes[0]?.id ?? null;
}

export function AnswerEntryPage({ params }: PageProps) {
  const personId = Number(params.personId);
  const [person, setPerson] = useState<Person | null>(null);
  const [quizzes, setQuizzes] = useState<Quiz[]>([]);
  const [quizId, setQuizId] = useState<number | null>(null);
  const [state, setState] = useState<EntryState>(START);
  const [marks, setMarks] = useState<Record<string, boolean | undefined>>({});
  const [result, setResult] = useState<Attempt | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const board = useRef<HTMLDivElement>(null);
  const quiz = quizzes.find((q) => q.id === quizId);

  useEffect(() => {
    void (async () => {
      try {
        const [p, list] = await Promise.all([api.people.get({ id: personId }), api.quizzes.list()]);
        setPerson(p);
        setQuizzes(list.filter((q) => !q.archived));
        setQuizId(await defaultQuiz(p, list));
      } catch (e) {
        setError(AppError.from(e));
      } finally {
        useAppStore.getState().markPageReady();
      }
    })();
  }, [personId]);

  useEffect(() => {
    board.current?.querySelector('[data-current]')?.scrollIntoView({ block: 'nearest' });
  }, [state.index]);

  async function grade() {
    if (!quiz) return;
    try {
      const cleanMarks = Object.fromEntries(Object.entries(marks).filter((e): e is [string, boolean] => e[1] !== undefined));
      setResult(await api.quizzes.grade({ personId, quizId: quiz.id, answers: state.answers, marks: cleanMarks }));
      setError(null);
    } catch (e) {
      setError(AppError.from(e));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!quiz || (event.target as HTMLElement).tagName === 'INPUT' && event.key !== 'Enter') return;
    const action = applyKey(state, quiz.questions, event);
    if (action.kind === 'none') return;
    event.preventDefault();
    if (action.kind === 'grade') void grade();
    else setState(action.state);
  }

  function restart(nextQuiz = quizId) {
    setQuizId(nextQuiz);
    setState(START);
    setMarks({});
    setResult(null);
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
      <Group align="flex-end">
        <Select label="Quiz" w={360} data={quizzes.map((q) => ({ value: String(q.id), label: `${q.title} (v${q.version})` }))} value={quizId ? String(quizId) : null} onChange={(v) => v && restart(Number(v))} allowDeselect={false} />
        <Text size="sm" c="dimmed">
          <Kbd>1</Kbd>–<Kbd>9</Kbd> choose · <Kbd>T</Kbd>/<Kbd>F</Kbd> true/false · <Kbd>Enter</Kbd> next · <Kbd>↑</Kbd> back · <Kbd>Backspace</Kbd> clear · <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> grade
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
              <Group justify="flex-end">
                <Button onClick={() => void grade()}>Grade</Button>
              </Group>
            </Stack>
          </div>
        )
      )}
    </Stack>
  );
}
