import { useQueryClient } from '@tanstack/react-query';
import type { Person } from '../../../shared/domain/person';
import { callKey, useCall } from '../../api/use-call';

/** The person page's record and its audit trail (both refresh when people change). */
export function usePerson(id: number, enabled = true) {
  const person = useCall('people.get', { id }, { enabled });
  const history = useCall('people.history', { id }, { enabled });
  return { person, history };
}

/** After a save: show the saved record at once; its new audit entry follows with the `changed` event. */
export function useShowSaved() {
  const client = useQueryClient();
  return (person: Person) => {
    client.setQueryData(callKey('people.get', { id: person.id }), person);
    void client.invalidateQueries({ queryKey: callKey('people.history', { id: person.id }) });
  };
}
