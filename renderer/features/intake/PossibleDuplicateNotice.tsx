import { Alert, Anchor } from '@mantine/core';
import type { Person } from '../../../shared/domain/person';
import { useCall } from '../../api/use-call';
import { href } from '../../app/router';

/**
 * On the person page: someone else at the same agency has the same name with another email
 * (registered on paper and again through the form, say). Links to the merge page.
 */
export function PossibleDuplicateNotice({ person }: { person: Pick<Person, 'id'> }) {
  const { data: groups, error } = useCall('people.possibleDuplicates', { personId: person.id });
  const others = groups?.[0]?.people.filter((p) => p.id !== person.id) ?? [];
  if (error) {
    return (
      <Alert color="orange" className="no-print">
        Could not check for possible duplicates: {error.message}
      </Alert>
    );
  }
  if (!others.length) return null;
  return (
    <Alert color="yellow" title="Possibly registered twice" className="no-print">
      Same name at the same agency: {others.map((p) => p.email).join(', ')}. <Anchor href={href('/duplicates')}>Review possible duplicates</Anchor> to merge them or mark them as different people.
    </Alert>
  );
}
