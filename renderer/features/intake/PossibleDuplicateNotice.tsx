import { Alert, Anchor } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Person } from '../../../shared/domain/person';
import { api } from '../../api/client';
import { href } from '../../app/router';

/**
 * On the person page: someone else at the same agency has the same name with another email
 * (registered on paper and again through the form, say). Links to the merge page.
 */
export function PossibleDuplicateNotice({ person }: { person: Pick<Person, 'id' | 'updatedAt'> }) {
  const [others, setOthers] = useState<Person[]>([]);
  useEffect(() => {
    let current = true;
    api.people
      .possibleDuplicates({ personId: person.id })
      .then((groups) => current && setOthers(groups[0]?.people.filter((p) => p.id !== person.id) ?? []))
      // A notice that cannot be checked is simply not shown; the duplicates page says why.
      .catch(() => current && setOthers([]));
    return () => {
      current = false;
    };
  }, [person.id, person.updatedAt]);
  if (!others.length) return null;
  return (
    <Alert color="yellow" title="Possibly registered twice" className="no-print">
      Same name at the same agency: {others.map((p) => p.email).join(', ')}. <Anchor href={href('/duplicates')}>Review possible duplicates</Anchor> to merge them or mark them as different people.
    </Alert>
  );
}
