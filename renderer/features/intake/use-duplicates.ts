import { useMutation } from '@tanstack/react-query';
import type { Output } from '../../../shared/contract';
import { call } from '../../api/call';
import { useCall } from '../../api/use-call';

export type DuplicateGroup = Output<'people.possibleDuplicates'>[number];

export function useDuplicateGroups() {
  return useCall('people.possibleDuplicates', {});
}

/** Merges every other person of the group into `survivorId`, one merge per person. */
async function keep({ group, survivorId }: { group: DuplicateGroup; survivorId: number }): Promise<void> {
  for (const person of group.people) {
    if (person.id !== survivorId) await call('people.merge', { survivorId, mergedId: person.id });
  }
}

/** Marks every pair of the group as different people. */
async function different(group: DuplicateGroup): Promise<void> {
  const ids = group.people.map((p) => p.id);
  for (let i = 0; i < ids.length; i += 1) {
    for (let j = i + 1; j < ids.length; j += 1) await call('people.notDuplicates', { personIds: [ids[i] as number, ids[j] as number] });
  }
}

/** The two decisions of the duplicates page; a failure is told in a notification, the groups refresh either way. */
export function useDuplicateDecisions() {
  const merge = useMutation({ mutationKey: ['people.merge'], mutationFn: keep, meta: { errorTitle: 'Not merged' } });
  const separate = useMutation({ mutationKey: ['people.notDuplicates'], mutationFn: different, meta: { errorTitle: 'Not marked as different people' } });
  return { merge, separate, busy: merge.isPending || separate.isPending };
}
