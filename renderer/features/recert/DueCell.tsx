import { Text } from '@mantine/core';
import type { Person } from '../../../shared/domain/person';
import { useAppInfo } from '../app/use-app-info';
import { formatDate } from '../people/format';
import { certStatusOfStage, relativeDueWords } from './recert-words';

// Both lines inside the list's 40px row.
const STACKED = { display: 'flex', flexDirection: 'column', lineHeight: 1.15 } as const;

/** Only for those still expected to recertify: a deactivated person's old due date is not a task. */
const RELATIVE_SHOWN = new Set(['current', 'due_soon', 'due', 'overdue', 'lapsed']);

/** The master list's "Due" cell: the date, and under it how far away it is ("in 12 days", "9 days overdue"). */
export function DueCell({ person }: { person: Pick<Person, 'recertDueOn' | 'stage'> }) {
  const today = useAppInfo().data?.today;
  const dueOn = person.recertDueOn;
  if (dueOn === null) {
    return (
      <Text span size="xs" c="dimmed">
        Not certified
      </Text>
    );
  }
  const status = certStatusOfStage(person.stage, dueOn);
  const words = status === 'deactivated' ? 'deactivated' : today && status && RELATIVE_SHOWN.has(status) ? relativeDueWords(dueOn, today) : null;
  const late = status === 'overdue' || status === 'lapsed';
  return (
    <span className="due-cell" data-due-on={dueOn} style={STACKED}>
      <span>{formatDate(dueOn)}</span>
      {words && (
        <Text span size="xs" c={late ? 'red.8' : 'dimmed'} fw={late ? 600 : undefined} className="due-cell-words">
          {words}
        </Text>
      )}
    </span>
  );
}
