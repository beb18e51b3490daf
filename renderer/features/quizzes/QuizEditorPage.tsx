import { Alert, Anchor, Button, Group, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { AppError } from '../../../shared/app-error';
import { DEFAULT_PASS_MARK, QUIZ_KIND_LABELS, QUIZ_KINDS, type QuestionInput, type Quiz, type QuizDefinitionInput, type QuizKind } from '../../../shared/domain/quiz';
import { api } from '../../api/client';
import { href, navigate } from '../../app/router';
import type { PageProps } from '../../app/routes';
import { useAppStore } from '../app/app-store';
import { QuestionEditor } from './QuestionEditor';

const BLANK: QuizDefinitionInput = { title: '', kind: 'new_user', url: '', directions: 'The quiz is open book. Answer every question, then press Submit.', passMark: DEFAULT_PASS_MARK, questions: [] };

const definitionOf = (q: Quiz): QuizDefinitionInput => ({ title: q.title, kind: q.kind, url: q.url ?? '', directions: q.directions, passMark: q.passMark, questions: q.questions });

function nextId(questions: readonly QuestionInput[]): string {
  let n = questions.length + 1;
  while (questions.some((q) => q.id === `q${n}`)) n += 1;
  return `q${n}`;
}

/** Make or edit a quiz; saving a graded quiz's questions or pass mark makes a new version. */
export function QuizEditorPage({ params }: PageProps) {
  const isNew = params.id === 'new';
  const [quiz, setQuiz] = useState<Quiz | null>(null);
  const [def, setDef] = useState<QuizDefinitionInput>(BLANK);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    if (isNew) return useAppStore.getState().markPageReady();
    api.quizzes
      .get({ id: Number(params.id) })
      .then((q) => (setQuiz(q), setDef(definitionOf(q))), (e: unknown) => setError(AppError.from(e)))
      .finally(() => useAppStore.getState().markPageReady());
  }, [isNew, params.id]);

  const set = (patch: Partial<QuizDefinitionInput>) => setDef((d) => ({ ...d, ...patch }));
  const setQuestion = (i: number, q: QuestionInput) => set({ questions: def.questions.map((x, k) => (k === i ? q : x)) });
  const move = (i: number, by: -1 | 1) => {
    const list = [...def.questions];
    const [item] = list.splice(i, 1);
    if (item) list.splice(Math.max(0, Math.min(list.length, i + by)), 0, item);
    set({ questions: list });
  };

  async function save() {
    try {
      const saved = await api.quizzes.save({ id: quiz?.id, expectedUpdatedAt: quiz?.updatedAt, definition: def });
      const versioned = quiz && saved.version > quiz.version;
      notifications.show({ color: 'teal', message: versioned ? `Saved as version ${saved.version}: earlier attempts keep version ${quiz.version}.` : `Saved ${saved.title}.` });
      setError(null);
      if (isNew) navigate(`/quiz-bank/${saved.id}`, { replace: true });
      setQuiz(saved);
      setDef(definitionOf(saved));
    } catch (e) {
      setError(AppError.from(e));
    }
  }

  return (
    <Stack gap="md" maw={980}>
      <div>
        <Anchor href={href('/quiz-bank')} size="sm">
          ← Quiz bank
        </Anchor>
        <Title order={1} size="h2">
          {isNew ? 'New quiz' : (quiz?.title ?? 'Quiz')}
        </Title>
        {quiz && (
          <Text c="dimmed" size="sm">
            Version {quiz.version}; {quiz.attempts} attempts graded against it.
          </Text>
        )}
      </div>
      {error && <Alert color="red">{error.message}</Alert>}
      <Group grow align="flex-start">
        <TextInput label="Title" value={def.title} onChange={(e) => set({ title: e.currentTarget.value })} required />
        <Select label="Kind" data={QUIZ_KINDS.map((k) => ({ value: k, label: QUIZ_KIND_LABELS[k] }))} value={def.kind} allowDeselect={false} onChange={(v) => v && set({ kind: v as QuizKind })} />
        <NumberInput label="Pass mark (%)" min={1} max={100} value={def.passMark} onChange={(v) => set({ passMark: Number(v) || DEFAULT_PASS_MARK })} />
      </Group>
      <TextInput label="Link where people take it (Google Forms or Microsoft Forms)" value={def.url ?? ''} onChange={(e) => set({ url: e.currentTarget.value })} />
      <Textarea label="Directions (in the training email)" autosize minRows={2} value={def.directions} onChange={(e) => set({ directions: e.currentTarget.value })} />
      {def.questions.map((q, i) => (
        <QuestionEditor key={q.id} question={q} number={i + 1} onChange={(next) => setQuestion(i, next)} onRemove={() => set({ questions: def.questions.filter((_, k) => k !== i) })} onMove={(by) => move(i, by)} />
      ))}
      <Group justify="space-between" className="no-print">
        <Button variant="default" onClick={() => set({ questions: [...def.questions, { id: nextId(def.questions), type: 'single', text: '', options: ['', ''], correct: [], points: 1 }] })}>
          Add a question
        </Button>
        <Group>
          {quiz && (
            <Button variant="subtle" color={quiz.archived ? 'blue' : 'red'} onClick={() => void api.quizzes.archive({ id: quiz.id, archived: !quiz.archived }).then(setQuiz, (e: unknown) => setError(AppError.from(e)))}>
              {quiz.archived ? 'Bring back into use' : 'Archive'}
            </Button>
          )}
          <Button onClick={() => void save()}>Save quiz</Button>
        </Group>
      </Group>
    </Stack>
  );
}
