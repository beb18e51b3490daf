import { Badge, Button, CloseButton, Group, Input, NumberInput, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { addDay, type DayListField } from './policy-form';

interface Props {
  field: DayListField;
  label: string;
  description: string;
  days: number[];
  onChange(days: number[]): void;
  /** A sentence about the list as a whole (e.g. a notice the grace period cuts off). */
  warning?: string;
  error?: string;
}

const chipText = (field: DayListField, d: number) => (d === 0 ? 'On the due date' : field === 'reminderDaysBefore' ? `${d} days before` : `${d} days after`);

/** A short list of day counts as removable chips, with a box to add one (Enter or "Add"). */
export function DayListInput({ field, label, description, days, onChange, warning, error }: Props) {
  const [typed, setTyped] = useState<number | string>('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();

  function add() {
    const result = addDay(days, typed, field);
    if ('error' in result) return setProblem(result.error);
    setProblem(null);
    setTyped('');
    onChange(result.list);
  }

  return (
    <Input.Wrapper label={label} description={description} error={problem ?? error} labelProps={{ htmlFor: inputId }} data-testid={`days-${field}`}>
      <Group gap="xs" mt={6} align="center" wrap="wrap">
        <Group gap={6} role="list" aria-label={label}>
          {days.length === 0 && (
            <Text size="sm" c="dimmed">
              None
            </Text>
          )}
          {days.map((d) => (
            // A real button to remove each: Mantine's Pill hides its remove button from the keyboard.
            <Badge
              key={d}
              role="listitem"
              size="lg"
              variant="light"
              color="gray"
              tt="none"
              fw={500}
              pr={4}
              rightSection={<CloseButton size="xs" aria-label={`Remove ${chipText(field, d).toLowerCase()}`} onClick={() => onChange(days.filter((x) => x !== d))} />}
            >
              {chipText(field, d)}
            </Badge>
          ))}
        </Group>
        <NumberInput
          id={inputId}
          aria-label={`Add to ${label.toLowerCase()} (days)`}
          placeholder="Days"
          w={90}
          size="xs"
          min={field === 'overdueDaysAfter' ? 1 : 0}
          max={366}
          allowDecimal={false}
          allowNegative={false}
          value={typed}
          onChange={(v) => {
            setTyped(v);
            setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button size="xs" variant="default" onClick={add}>
          Add
        </Button>
      </Group>
      {warning && (
        <Text size="xs" c="orange.8" mt={4}>
          {warning}
        </Text>
      )}
    </Input.Wrapper>
  );
}
