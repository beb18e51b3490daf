import { notifications } from '@mantine/notifications';
import { useIsMutating, useMutationState, useQueryClient } from '@tanstack/react-query';
import { callKey, useCallMutation } from '../../api/use-call';
import { useProgressStore } from '../app/progress-store';
import { plural } from '../../../shared/plural';

export const SAMPLE_PEOPLE = 250;
const SEED_JOB = 'demo.seed';

/**
 * Loads fictional sample data (from the welcome page or an empty master list). The seeding flag and
 * the progress are shared, so both buttons show the same job. A failure is a notification: the
 * welcome page may already have made way for the list when it comes.
 */
export function useLoadSampleData() {
  const client = useQueryClient();
  const seed = useCallMutation('demo.seed', {
    errorTitle: 'Sample data not loaded',
    onMutate: () => useProgressStore.getState().clear(SEED_JOB),
    // Pending until the welcome flag and counts are in, so the button spins until the list can show.
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: callKey('app.info', {}) });
      notifications.show({ color: 'teal', title: 'Sample data loaded', message: `${plural(result.people, 'fictional person', 'fictional people')} at ${plural(result.agencies, 'agency', 'agencies')} ${result.people === 1 ? 'is' : 'are'} on the master list.` });
    },
  });
  const seeding = useIsMutating({ mutationKey: [SEED_JOB] }) > 0;
  const progress = useProgressStore((s) => s.jobs[SEED_JOB]) ?? null;
  const load = (people = SAMPLE_PEOPLE) => {
    if (!seeding) seed.mutate({ people });
  };
  return { load, seeding, progress };
}

/** How the last sample-data load went, for the app's `data-sample-data` marker (null before any). */
export function useSampleDataState(): 'seeding' | 'loaded' | 'failed' | null {
  const statuses = useMutationState({ filters: { mutationKey: [SEED_JOB] }, select: (m) => m.state.status });
  const last = statuses[statuses.length - 1];
  if (last === 'pending') return 'seeding';
  if (last === 'success') return 'loaded';
  return last === 'error' ? 'failed' : null;
}
