import type { Handlers } from '../../../shared/contract';
import type { recertCalls } from '../../../shared/contract/recert';
import type { CoreContext } from '../context';
import { createDeactivationService } from './deactivation-service';
import { createDueService } from './due-service';
import { createPolicyService } from './policy-service';
import { startDailyReminders, type DailyRun } from './daily-run';
import { createRemindService } from './remind-service';
import { withRunTimes } from './reminder-preview-service';

/**
 * The yearly recertification, spread into createCore's handlers. `dailyReminders` (the app and
 * `npm run serve`, where the mail sender runs too; never tests or the CLI) starts the daily run.
 */
export function createRecertHandlers(ctx: CoreContext, deps: { dailyReminders?: boolean; onStop?: (stop: () => void) => void } = {}): Pick<Handlers, keyof typeof recertCalls> {
  const policy = createPolicyService(ctx);
  const due = createDueService(ctx);
  const reminders = createRemindService(ctx);
  const deactivations = createDeactivationService(ctx);
  let daily: DailyRun | null = null;
  if (deps.dailyReminders) {
    daily = startDailyReminders(
      async () => {
        const outcome = await reminders.remind({ dryRun: false });
        // Held reminders also show in "What goes out today"; the log says it for whoever reads it.
        if (outcome.held.length) console.warn(`[recert] ${outcome.held.length} reminders held: no recertification quiz link for ${[...new Set(outcome.held.map((h) => h.accessLevelName))].join(', ')}`);
        return outcome;
      },
      (error) => console.warn('[recert] the daily reminder run failed; it runs again in a few hours:', error),
      () => ctx.clock.now(),
    );
    deps.onStop?.(daily.stop);
  }
  return {
    'recert.policy.get': () => policy.get(),
    'recert.policy.save': (input) => policy.save(input),
    'recert.summary': (input) => due.summary(input.personId),
    'recert.due': (input) => due.due(input),
    'recert.calendar': (input) => due.calendar(input),
    'recert.remind': async (input) => withRunTimes(ctx, await reminders.remind(input), daily),
    'recert.ics': (input) => due.ics(input),
    'recert.deactivations': (input) => deactivations.list(input),
    'recert.confirmDeactivated': (input) => deactivations.confirm(input),
    'recert.reactivate': (input) => deactivations.reactivate(input),
  };
}
