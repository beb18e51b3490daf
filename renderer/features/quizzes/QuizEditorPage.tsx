import { Alert, Anchor, Button, Group, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { DEFAULT_PASS_MARK, QUIZ_KIND_LABELS, QUIZ_KINDS, type QuestionInput, type Quiz, type QuizDefinitionInput, type QuizKind } from '../../../shared/domain/quiz';
import { callKey, useCall, useCallMutation } from '../../api/use-call';
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

/** The saved quiz and its writes; a save or archive shows the quiz as saved at once. */
function useQuizWrites() {
  const client = useQueryClient();
  const show = (saved: Quiz) => client.setQueryData(callKey('quizzes.get', { id: saved.id }), saved);
  const save = useCallMutation('quizzes.save', { errorShownInPlace: true, onSuccess: show });
  const archive = useCallMutation('quizzes.archive', { errorShownInPlace: true, onSuccess: show });
  return { save, archive };
}

/** Make or edit a quiz; saving a graded quiz's questions or pass mark makes a new version. */
export function QuizEditorPage({ params }: PageProps) {
  const isNew = params.id === 'new';
  const loaded = useCall('quizzes.get', { id: Number(params.id) }, { enabled: !isNew });
  const quiz = isNew ? null : (loaded.data ?? null);
  // What the user has changed; null until then, so the form shows the quiz as saved.
  const [edited, setDef] = useState<QuizDefinitionInput | null>(null);
  // The version the first edit started from: a save over someone else's newer one is refused.
  const [base, setBase] = useState<string | undefined>(undefined);
  const def = edited ?? (quiz ? definitionOf(quiz) : BLANK);
  const { save: saving, archive } = useQuizWrites();
  const error = loaded.error ?? saving.error ?? archive.error;
  const settled = isNew || loaded.isSuccess || loaded.isError;
  useEffect(() => {
    if (settled) useAppStore.getState().markPageReady();
  }, [settled]);

  const set = (patch: Partial<QuizDefinitionInput>) => {
    if (edited === null) setBase(quiz?.updatedAt);
    setDef({ ...def, ...patch });
  };
  const setQuestion = (i: number, q: QuestionInput) => set({ questions: def.questions.map((x, k) => (k === i ? q : x)) });
  const move = (i: number, by: -1 | 1) => {
    const list = [...def.questions];
    const [item] = list.splice(i, 1);
    if (item) list.splice(Math.max(0, Math.min(list.length, i + by)), 0, item);
    set({ questions: list });
  };

  function save() {
    saving.mutate(
      { id: quiz?.id, expectedUpdatedAt: edited ? base : quiz?.updatedAt, definition: def },
      {
        onSuccess: (saved) => {
          const versioned = quiz && saved.version > quiz.version;
          notifications.show({ color: 'teal', message: versioned ? `Saved as version ${saved.version}: earlier attempts keep version ${quiz.version}.` : `Saved ${saved.title}.` });
          setDef(null);
          if (isNew) navigate(`/quiz-bank/${saved.id}`, { replace: true });
        },
      },
    );
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
            <Button variant="subtle" color={quiz.archived ? 'blue' : 'red'} loading={archive.isPending} onClick={() => archive.mutate({ id: quiz.id, archived: !quiz.archived })}>
              {quiz.archived ? 'Bring back into use' : 'Archive'}
            </Button>
          )}
          <Button loading={saving.isPending} onClick={save}>
            Save quiz
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
