import { ActionIcon, Card, Checkbox, Group, NumberInput, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { QUESTION_TYPE_LABELS, QUESTION_TYPES, TRUE_FALSE_OPTIONS, type QuestionInput, type QuestionType } from '../../../shared/domain/quiz';

const TYPE_OPTIONS = QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABELS[t] }));

interface Props {
  question: QuestionInput;
  number: number;
  onChange(next: QuestionInput): void;
  onRemove(): void;
  onMove(by: -1 | 1): void;
}

/** The answer key: a radio per option for one right answer, a checkbox per option for several. */
function KeyPicker({ question, options, onChange }: { question: QuestionInput; options: readonly string[]; onChange(correct: number[]): void }) {
  const correct = question.correct ?? [];
  if (question.type === 'multiple') {
    return (
      <Checkbox.Group label="Correct answers" value={correct.map(String)} onChange={(v) => onChange(v.map(Number).sort((a, b) => a - b))}>
        <Group gap="sm" mt={4}>
          {options.map((o, i) => (
            <Checkbox key={`${i}-${o}`} value={String(i)} label={o || `Option ${i + 1}`} />
          ))}
        </Group>
      </Checkbox.Group>
    );
  }
  return (
    <Radio.Group label="Correct answer" value={correct[0] === undefined ? null : String(correct[0])} onChange={(v) => onChange([Number(v)])}>
      <Group gap="sm" mt={4}>
        {options.map((o, i) => (
          <Radio key={`${i}-${o}`} value={String(i)} label={o || `Option ${i + 1}`} />
        ))}
      </Group>
    </Radio.Group>
  );
}

export function QuestionEditor({ question, number, onChange, onRemove, onMove }: Props) {
  const options = question.type === 'true_false' ? TRUE_FALSE_OPTIONS : (question.options ?? []);
  const set = (patch: Partial<QuestionInput>) => onChange({ ...question, ...patch });
  return (
    <Card withBorder padding="sm" component="fieldset" aria-label={`Question ${number}`}>
      <Stack gap="xs">
        <Group align="flex-end" wrap="nowrap">
          <Select label={`Question ${number}`} w={230} data={TYPE_OPTIONS} value={question.type} allowDeselect={false} onChange={(v) => v && set({ type: v as QuestionType, correct: [] })} />
          <NumberInput label="Points" w={90} min={1} max={100} value={question.points ?? 1} onChange={(v) => set({ points: Number(v) || 1 })} />
          <Group gap={4} ml="auto">
            <ActionIcon variant="subtle" aria-label={`Move question ${number} up`} onClick={() => onMove(-1)}>
              ↑
            </ActionIcon>
            <ActionIcon variant="subtle" aria-label={`Move question ${number} down`} onClick={() => onMove(1)}>
              ↓
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={`Remove question ${number}`} onClick={onRemove}>
              ✕
            </ActionIcon>
          </Group>
        </Group>
        <Textarea label="Question text" autosize minRows={1} value={question.text} onChange={(e) => set({ text: e.currentTarget.value })} />
        {(question.type === 'single' || question.type === 'multiple') && (
          <Textarea
            label="Options, one per line"
            autosize
            minRows={2}
            value={(question.options ?? []).join('\n')}
            onChange={(e) => set({ options: e.currentTarget.value.split('\n'), correct: (question.correct ?? []).filter((i) => i < e.currentTarget.value.split('\n').length) })}
          />
        )}
        {question.type === 'short' ? (
          <TextInput label="Model answer (shown as the correct answer in results)" value={question.modelAnswer ?? ''} onChange={(e) => set({ modelAnswer: e.currentTarget.value })} />
        ) : (
          <KeyPicker question={question} options={options} onChange={(correct) => set({ correct })} />
        )}
      </Stack>
    </Card>
  );
}
