import { z } from 'zod';
import { id, paged } from '../domain/common';
import { person } from '../domain/person';
import {
  calendarInput,
  calendarMonth,
  confirmDeactivatedInput,
  deactivationTask,
  dueListInput,
  dueRow,
  icsInput,
  icsOutput,
  policySaveInput,
  policyView,
  reactivateInput,
  recertSummary,
  remindInput,
  remindOutput,
} from '../domain/recert';
import { noInput } from './app';
import { call } from './define';

export const recertCalls = {
  /** The office's recertification policy: cycle, reminder days, grace period, who is copied. */
  'recert.policy.get': call({ input: noInput, output: policyView }),
  /** Saves the policy; every due date and status follows it at once. Refuses a save over a newer one. */
  'recert.policy.save': call({ input: policySaveInput, output: policyView }),
  /** A person's HMIS user name, certification history, due date and status. */
  'recert.summary': call({ input: z.object({ personId: id }), output: recertSummary }),
  /** Certified people by due date (soonest first), filtered by window, status, agency, level. */
  'recert.due': call({ input: dueListInput, output: paged(dueRow) }),
  /** How many people are due on each day of a month: the calendar's heat map. */
  'recert.calendar': call({ input: calendarInput, output: calendarMonth }),
  /** Queues today's reminders and overdue notices (each at most once); `dryRun` only says what would go. */
  'recert.remind': call({ input: remindInput, output: remindOutput }),
  /** Due dates as an iCalendar file for Outlook, for everyone or one agency. */
  'recert.ics': call({ input: icsInput, output: icsOutput }),
  /** Lapsed people and deactivation requests, waiting for the account to be closed in the HMIS. */
  'recert.deactivations': call({ input: z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }), output: paged(deactivationTask) }),
  /** Records that the HMIS account was deactivated (date, by whom) and notifies the supervisor. */
  'recert.confirmDeactivated': call({ input: confirmDeactivatedInput, output: person }),
  /** Brings a deactivated person back; they restart at training. */
  'recert.reactivate': call({ input: reactivateInput, output: person }),
};
