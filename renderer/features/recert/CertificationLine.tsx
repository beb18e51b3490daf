import { Text } from '@mantine/core';
import type { Person } from '../../../shared/domain/person';
import { useAppInfo } from '../app/use-app-info';
import { formatDate } from '../people/format';
import { relativeDueWords } from './recert-words';

/** The person page's header line for a certified person: both dates at a glance, above the fold. */
export function CertificationLine({ person }: { person: Pick<Person, 'certifiedOn' | 'recertDueOn' | 'stage'> }) {
  const today = useAppInfo().data?.today;
  if (!person.certifiedOn || !person.recertDueOn) return null;
  const late = person.stage === 'recert_overdue' || person.stage === 'lapsed';
  const away = today && person.stage !== 'deactivated' ? ` (${relativeDueWords(person.recertDueOn, today)})` : '';
  return (
    <Text size="sm" data-testid="certification-line">
      Certified {formatDate(person.certifiedOn)} ·{' '}
      <Text span inherit c={late ? 'red.8' : undefined} fw={late ? 600 : undefined}>
        recertification due {formatDate(person.recertDueOn)}
        {away}
      </Text>
    </Text>
  );
}
