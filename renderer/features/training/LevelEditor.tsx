import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { QUIZ_KIND_LABELS, QUIZ_KINDS, type QuizKind } from '../../../shared/domain/quiz';
import { ASSESSMENT_SET, type LevelQuizzes, type LevelTraining } from '../../../shared/domain/quiz-training';
import { useCatalog, useCatalogWrite } from './use-catalog';

export type LevelDraft = Pick<LevelTraining, 'name' | 'includesAssessments' | 'trainingSets' | 'quizzes'> & Partial<Pick<LevelTraining, 'id' | 'version'>>;

export const NEW_LEVEL: LevelDraft = { name: '', includesAssessments: false, trainingSets: ['New User'], quizzes: { new_user: null, recertification: null, assessment: null } };

/** An access level: its name, whether it includes assessments, the training sets it requires, its quiz per kind. */
export function LevelEditor({ level, onClose }: { level: LevelDraft | null; onClose: () => void }) {
  return (
    <Modal opened={level !== null} onClose={onClose} title={level?.id ? `Edit ${level.name}` : 'New access level'} size="lg">
      {level && <LevelForm key={level.id ?? 'new'} level={level} onClose={onClose} />}
    </Modal>
  );
}

/** Keyed by the level, so opening another level starts from its own values. */
function LevelForm({ level, onClose }: { level: LevelDraft; onClose: () => void }) {
  const { catalog, quizzes } = useCatalog();
  const saving = useCatalogWrite('training.levels.save');
  const error = saving.error;
  const [draft, setDraft] = useState<LevelDraft>(level);
  const quizOptions = (kind: QuizKind) => quizzes.filter((q) => q.kind === kind && !q.archived).map((q) => ({ value: String(q.id), label: q.title }));
  const setQuiz = (kind: QuizKind, value: string | null) => setDraft((d) => ({ ...d, quizzes: { ...d.quizzes, [kind]: value ? Number(value) : null } as LevelQuizzes }));

  function save() {
    saving.mutate({ id: draft.id, expectedVersion: level.version, name: draft.name, includesAssessments: draft.includesAssessments, trainingSets: draft.trainingSets, quizzes: draft.quizzes }, { onSuccess: onClose });
  }

  return (
    <Stack>
        {error && <Alert color="red">{error.message}</Alert>}
        <TextInput label="Name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} required data-autofocus />
        <Switch label={`Includes assessments (adds the ${ASSESSMENT_SET} training and the assessment quiz)`} checked={draft.includesAssessments} onChange={(e) => setDraft({ ...draft, includesAssessments: e.currentTarget.checked })} />
        <MultiSelect label="Training sets required" data={catalog?.trainingSets ?? []} value={draft.trainingSets} onChange={(v) => setDraft({ ...draft, trainingSets: v })} searchable />
        {QUIZ_KINDS.map((kind) => (
          <Select key={kind} label={`${QUIZ_KIND_LABELS[kind]} quiz`} data={quizOptions(kind)} value={draft.quizzes[kind] ? String(draft.quizzes[kind]) : null} onChange={(v) => setQuiz(kind, v)} clearable disabled={kind === 'assessment' && !draft.includesAssessments} />
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={saving.isPending} onClick={save}>
            Save level
          </Button>
        </Group>
    </Stack>
  );
}
