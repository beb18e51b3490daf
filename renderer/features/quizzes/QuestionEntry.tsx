import { Badge, Card, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { Question } from '../../../shared/domain/quiz';
import { QUESTION_TYPE_LABELS } from '../../../shared/domain/quiz';
import type { EntryAnswer } from './answer-entry';
import { keyLabel } from './answer-entry';

interface Props {
  question: Question;
  number: number;
  answer: EntryAnswer | undefined;
  current: boolean;
  mark: boolean | undefined;
  onText(text: string): void;
  onMark(mark: boolean | undefined): void;
  onFocus(): void;
}

/** One question on the entry screen: each option with the key that picks it, the chosen ones filled. */
export function QuestionEntry({ question, number, answer, current, mark, onText, onMark, onFocus }: Props) {
  const chosen = new Set(answer?.choices ?? []);
  return (
    <Card
      withBorder
      padding="sm"
      // The question the next key answers must stand out at a glance.
      style={current ? { borderColor: 'var(--mantine-color-blue-6)', boxShadow: '0 0 0 1px var(--mantine-color-blue-6)' } : undefined}
      data-current={current || undefined}
      onClick={onFocus}
      aria-current={current ? 'step' : undefined}
    >
      <Group gap="xs" mb={4} wrap="nowrap" align="flex-start">
        <Text fw={700} w={28}>
          {number}.
        </Text>
        <Text fw={current ? 600 : 400} style={{ flex: 1 }}>
          {question.text}
        </Text>
        <Badge variant="light" size="xs" tt="none">
          {QUESTION_TYPE_LABELS[question.type]}
        </Badge>
      </Group>
      {question.type === 'short' ? (
        <Stack gap={4} pl={36}>
          <TextInput size="xs" aria-label={`Answer to question ${number}`} value={answer?.text ?? ''} onChange={(e) => onText(e.currentTarget.value)} onFocus={onFocus} />
          <SegmentedControl
            size="xs"
            w={260}
            value={mark === undefined ? 'open' : mark ? 'right' : 'wrong'}
            onChange={(v) => onMark(v === 'open' ? undefined : v === 'right')}
            data={[
              { value: 'open', label: 'Not marked' },
              { value: 'right', label: 'Right' },
              { value: 'wrong', label: 'Wrong' },
            ]}
          />
        </Stack>
      ) : (
        <Group gap="xs" pl={36}>
          {question.options.map((option, i) => (
            <Badge key={option} size="lg" tt="none" radius="sm" variant={chosen.has(i) ? 'filled' : 'outline'} color={chosen.has(i) ? 'blue' : 'gray'} aria-pressed={chosen.has(i)} role="checkbox" aria-checked={chosen.has(i)}>
              <Text span fw={700} mr={6}>
                {keyLabel(i)}
              </Text>
              {option}
            </Badge>
          ))}
        </Group>
      )}
    </Card>
  );
}
