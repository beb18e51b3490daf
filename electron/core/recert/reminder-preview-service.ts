import type { RemindResult } from '../../../shared/domain/recert';
import type { CoreContext } from '../context';
import type { DailyRunState } from './daily-run';
import { readPolicy } from './policy-service';
import type { RemindOutcome } from './remind-service';
import { lastReminderQueuedAt, reminderRecipients } from './reminder-recipients.repo';

/**
 * What "What goes out today" shows beside a run's outcome: each message's addresses (the same rule
 * as remind-service's mailFor: overdue notices copy the supervisor when the policy says so) and
 * when the reminders ran. Kept apart from the run so the run's own work stays as lean as it is.
 */
export async function withRecipients(ctx: CoreContext, outcome: RemindOutcome, schedule: DailyRunState | null): Promise<RemindResult> {
  const { policy } = await readPolicy(ctx.db);
  const [recipients, lastQueuedAt] = await Promise.all([reminderRecipients(ctx.db, outcome.items.map((i) => i.personId)), lastReminderQueuedAt(ctx.db)]);
  const items = outcome.items.map((item) => {
    const r = recipients.get(item.personId);
    const copy = item.kind === 'overdue' && policy.copySupervisorOnOverdue && r?.supervisorEmail;
    return { ...item, to: r?.email ?? '', cc: copy ? [r.supervisorEmail as string] : [] };
  });
  return { ...outcome, items, schedule, lastQueuedAt };
}
