import { recertPolicy, type RecertPolicy } from '../../../shared/domain/recert-policy';
import { plural } from '../../../shared/plural';

export type DayListField = 'reminderDaysBefore' | 'overdueDaysAfter';
export type PolicyField = DayListField | 'cycle' | 'graceDays' | 'dueWithinDays';

const MAX_DAYS = 10;

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Adds a day to a reminder list (kept in schedule order), or says why it cannot be added. */
export function addDay(list: readonly number[], value: number | string, field: DayListField): { list: number[] } | { error: string } {
  const days = typeof value === 'number' ? value : Number(value);
  const min = field === 'overdueDaysAfter' ? 1 : 0;
  if (value === '' || !Number.isInteger(days)) return { error: 'Enter a whole number of days.' };
  if (days < min) return { error: field === 'overdueDaysAfter' ? 'An overdue notice comes at least one day after the due date.' : 'Enter 0 (on the due date) or more days before it.' };
  if (days > 366) return { error: 'Keep it within a year (366 days).' };
  if (list.includes(days)) return { error: `${plural(days, 'day', 'days')} is already on the list.` };
  if (list.length >= MAX_DAYS) return { error: `Keep to ${MAX_DAYS} or fewer.` };
  const next = [...list, days];
  // Reminders read from the furthest ahead to the due date; notices from the first after it.
  return { list: field === 'reminderDaysBefore' ? next.sort((a, b) => b - a) : next.sort((a, b) => a - b) };
}

/** Field → sentence, from the shared schema (what the core would refuse) and what would never happen. */
export function policyProblems(policy: RecertPolicy): Partial<Record<PolicyField, string>> {
  const problems: Partial<Record<PolicyField, string>> = {};
  const parsed = recertPolicy.safeParse(policy);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as PolicyField;
      problems[field] ??= issue.message;
    }
  }
  const { cycle } = policy;
  if (cycle.kind === 'fixed_deadline' && cycle.day > daysInMonth(cycle.month)) problems.cycle ??= `${MONTH_NAMES[cycle.month - 1]} has only ${daysInMonth(cycle.month)} days.`;
  return problems;
}

/** Notices the grace period cuts off: by then the person has lapsed, and no notice goes. */
export function noticesAfterGrace(policy: RecertPolicy): number[] {
  return policy.overdueDaysAfter.filter((d) => d > policy.graceDays);
}

// February counts 29: a 29 February deadline falls on the 28th in other years (shared/calendar-date).
function daysInMonth(month: number): number {
  return [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
}

export function cycleWords(cycle: RecertPolicy['cycle']): string {
  return cycle.kind === 'anniversary' ? `${plural(cycle.months, 'month', 'months')} after each person's last certification` : `every ${MONTH_NAMES[cycle.month - 1]} ${cycle.day} for everyone`;
}

const andList = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** "60, 30, 14 and 7 days before and on the due date", "7 and 14 days after", "none". */
export function dayListWords(days: readonly number[], after: boolean): string {
  const counted = days.filter((d) => d !== 0).map(String);
  const parts = counted.length ? [`${andList(counted)} ${counted.length === 1 && counted[0] === '1' ? 'day' : 'days'} ${after ? 'after' : 'before'}`] : [];
  if (days.includes(0)) parts.push('on the due date');
  return parts.length ? parts.join(' and ') : 'none';
}

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * What saving would change, in sentences. `certified` is how many people are active and certified
 * (their due dates follow the cycle at once); unknown while it loads.
 */
export function policyChanges(saved: RecertPolicy, draft: RecertPolicy, certified: number | null): string[] {
  const changes: string[] = [];
  const people = certified === null ? 'every certified person' : plural(certified, 'certified person', 'certified people');
  const cycleChanged = JSON.stringify(saved.cycle) !== JSON.stringify(draft.cycle);
  if (cycleChanged) changes.push(`Due dates of ${people} move: due ${cycleWords(draft.cycle)} (was ${cycleWords(saved.cycle)}).`);
  else if (draft.cycle.kind === 'fixed_deadline' && Math.max(...saved.reminderDaysBefore, saved.dueWithinDays) !== Math.max(...draft.reminderDaysBefore, draft.dueWithinDays)) {
    changes.push('The reminder window changes, so due dates of people certified shortly before the deadline may move by a year.');
  }
  if (!sameList(saved.reminderDaysBefore, draft.reminderDaysBefore)) changes.push(`Reminders: ${dayListWords(draft.reminderDaysBefore, false)} (was ${dayListWords(saved.reminderDaysBefore, false)}).`);
  if (!sameList(saved.overdueDaysAfter, draft.overdueDaysAfter)) changes.push(`Overdue notices: ${dayListWords(draft.overdueDaysAfter, true)} (was ${dayListWords(saved.overdueDaysAfter, true)}).`);
  if (saved.graceDays !== draft.graceDays) changes.push(`People lapse ${plural(draft.graceDays, 'day', 'days')} after their due date (was ${saved.graceDays}).`);
  if (saved.dueWithinDays !== draft.dueWithinDays) changes.push(`"Due" (rather than "due soon") from ${plural(draft.dueWithinDays, 'day', 'days')} before the due date (was ${saved.dueWithinDays}).`);
  if (saved.copySupervisorOnOverdue !== draft.copySupervisorOnOverdue) changes.push(draft.copySupervisorOnOverdue ? 'Overdue notices copy the supervisor.' : 'Overdue notices no longer copy the supervisor.');
  if (saved.resignAgreement !== draft.resignAgreement) changes.push(draft.resignAgreement ? 'The End User Agreement is signed again at each recertification.' : 'The End User Agreement is no longer signed again at recertification.');
  return changes;
}
