import { useCall, useCallMutation } from '../../api/use-call';

export const TASKS_PAGE_SIZE = 50;

/** One page of the deactivation queue, oldest first. */
export function useDeactivationTasks(offset: number) {
  return useCall('recert.deactivations', { offset, limit: TASKS_PAGE_SIZE }, { placeholderData: (previous) => previous });
}

/** How many wait: the sidebar badge reads one row and the total. */
export function useDeactivationCount(): number {
  return useCall('recert.deactivations', { offset: 0, limit: 1 }).data?.total ?? 0;
}

export function useConfirmDeactivated() {
  return useCallMutation('recert.confirmDeactivated', { errorShownInPlace: true });
}

export function useReactivate() {
  return useCallMutation('recert.reactivate', { errorShownInPlace: true });
}

/** What today's reminder run would queue: a dry run, refreshed when people, mail or settings change. */
export function useRemindPreview() {
  return useCall('recert.remind', { dryRun: true });
}

export function useRemindNow() {
  return useCallMutation('recert.remind', { errorTitle: 'The reminders were not queued' });
}
