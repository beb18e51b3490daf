import type { Handlers } from '../../../shared/contract';
import type { recertCalls } from '../../../shared/contract/recert';
import type { CoreContext } from '../context';
import { createDeactivationService } from './deactivation-service';
import { createDueService } from './due-service';
import { createPolicyService } from './policy-service';
import { createRemindService } from './remind-service';

/** The yearly recertification, spread into createCore's handlers. */
export function createRecertHandlers(ctx: CoreContext): Pick<Handlers, keyof typeof recertCalls> {
  const policy = createPolicyService(ctx);
  const due = createDueService(ctx);
  const reminders = createRemindService(ctx);
  const deactivations = createDeactivationService(ctx);
  return {
    'recert.policy.get': () => policy.get(),
    'recert.policy.save': (input) => policy.save(input),
    'recert.summary': (input) => due.summary(input.personId),
    'recert.due': (input) => due.due(input),
    'recert.calendar': (input) => due.calendar(input),
    'recert.remind': (input) => reminders.remind(input),
    'recert.ics': (input) => due.ics(input),
    'recert.deactivations': (input) => deactivations.list(input),
    'recert.confirmDeactivated': (input) => deactivations.confirm(input),
    'recert.reactivate': (input) => deactivations.reactivate(input),
  };
}
