import type { RemindResult } from '../../../shared/domain/recert';
import type { CoreContext } from '../context';
import type { DailyRun } from './daily-run';
import type { RemindOutcome } from './remind-service';
import { lastReminderQueuedAt } from './reminder-times.repo';

/**
 * What "What goes out today" shows beside a run's outcome (which already says who gets what,
 * remind-service's supervisorCopy deciding the copies): when this process's daily run last ran and
 * runs next, and when any run last queued a reminder.
 */
export async function withRunTimes(ctx: CoreContext, outcome: RemindOutcome, daily: DailyRun | null): Promise<RemindResult> {
  return { ...outcome, schedule: daily?.state() ?? null, lastQueuedAt: await lastReminderQueuedAt(ctx.db) };
}
