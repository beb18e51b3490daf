import { addDays, addMonths, dateInYear, daysBetween, yearOf } from './calendar-date';
import type { RecertPolicy } from './domain/recert-policy';

/**
 * The yearly recertification as pure rules: from a person's certification anchor, the policy and
 * today's date come the due date, the status and the reminders. Nothing here is stored by hand.
 *
 * The anchor is the date the next cycle counts from. On a first certification it is the day the
 * person passed. On a recertification:
 * - a pass inside the reminder window (on or before the due date) keeps the anniversary: the
 *   anchor is the old due date, so passing early never costs the person part of a year;
 * - a pass before the window opens, or after the due date (late), starts a new anniversary on the
 *   day of the pass: a late pass is not back-dated, so nobody is instantly due again.
 * With one fixed annual deadline, the due date is the first deadline whose reminder window opens
 * after the anchor: someone first certified inside a deadline's window recertifies a year later.
 */

export const RECERT_STATUSES = ['current', 'due_soon', 'due', 'overdue', 'lapsed'] as const;
export type RecertStatus = (typeof RECERT_STATUSES)[number];

export const RECERT_STATUS_LABELS: Record<RecertStatus, string> = {
  current: 'Current',
  due_soon: 'Recertification due soon',
  due: 'Recertification due',
  overdue: 'Recertification overdue',
  lapsed: 'Lapsed — to deactivate',
};

/** How far ahead of the due date the window opens: the earliest reminder, or the "due" window. */
export function windowDays(policy: RecertPolicy): number {
  return Math.max(0, policy.dueWithinDays, ...policy.reminderDaysBefore);
}

export function dueDate(anchorOn: string, policy: RecertPolicy): string {
  const { cycle } = policy;
  if (cycle.kind === 'anniversary') return addMonths(anchorOn, cycle.months);
  const window = windowDays(policy);
  for (let year = yearOf(anchorOn); ; year += 1) {
    const deadline = dateInYear(year, cycle.month, cycle.day);
    if (addDays(deadline, -window) > anchorOn) return deadline;
  }
}

export function recertStatus(dueOn: string, today: string, policy: RecertPolicy): RecertStatus {
  const daysLeft = daysBetween(today, dueOn);
  if (daysLeft > windowDays(policy)) return 'current';
  if (daysLeft > policy.dueWithinDays) return 'due_soon';
  if (daysLeft >= 0) return 'due';
  return -daysLeft <= policy.graceDays ? 'overdue' : 'lapsed';
}

/** The date a person becomes lapsed: the day after the grace period ends. */
export function lapsesOn(dueOn: string, policy: RecertPolicy): string {
  return addDays(dueOn, policy.graceDays + 1);
}

/** The anchor of the certification a pass on `passedOn` earns (see the rule at the top). */
export function nextAnchor(passedOn: string, currentDueOn: string | null, policy: RecertPolicy): string {
  if (currentDueOn === null) return passedOn;
  const inWindow = passedOn <= currentDueOn && addDays(currentDueOn, -windowDays(policy)) <= passedOn;
  return inWindow ? currentDueOn : passedOn;
}

export interface ScheduledReminder {
  /** Days relative to the due date: −60 is sixty days before, 7 a week after. */
  offsetDays: number;
  kind: 'reminder' | 'overdue';
  on: string;
}

/** Every reminder and overdue notice for one due date, in date order; none after the lapse. */
export function reminderSchedule(dueOn: string, policy: RecertPolicy): ScheduledReminder[] {
  const before = [...new Set(policy.reminderDaysBefore)].map((days) => ({ offsetDays: 0 - days, kind: 'reminder' as const }));
  const after = [...new Set(policy.overdueDaysAfter)].filter((days) => days <= policy.graceDays).map((days) => ({ offsetDays: days, kind: 'overdue' as const }));
  return [...before, ...after].sort((a, b) => a.offsetDays - b.offsetDays).map((r) => ({ ...r, on: addDays(dueOn, r.offsetDays) }));
}

/**
 * The one reminder a daily run owes today: the latest scheduled on or before today. Earlier ones
 * a closed app missed are not sent in a burst; the newest says all they would have said. Once the
 * person has lapsed nothing more is owed: they are a deactivation task, not a reminder. The
 * caller records (person, due date, offset) so that each is queued at most once.
 */
export function reminderOwed(dueOn: string, today: string, policy: RecertPolicy): ScheduledReminder | null {
  if (recertStatus(dueOn, today, policy) === 'lapsed') return null;
  const past = reminderSchedule(dueOn, policy).filter((r) => r.on <= today);
  return past.at(-1) ?? null;
}

export interface OwedRange {
  offsetDays: number;
  kind: ScheduledReminder['kind'];
  /** Due dates from `dueFrom` to `dueTo` (both included) are owed this reminder today. */
  dueFrom: string;
  dueTo: string;
}

/**
 * reminderOwed() turned around, for the SQL of the daily run: on `today`, everyone whose due date
 * lies in a range is owed that range's reminder, so the run is one indexed range per offset
 * instead of a rule evaluated per person. Offset o is owed from the day it is scheduled
 * (due + o ≤ today) until the next one is (today < due + next), and never after the lapse
 * (due ≥ today − grace). The last one therefore still goes on a later day when the office was
 * closed on its own day. `recert.test.ts` holds the two to one answer.
 */
export function owedRanges(today: string, policy: RecertPolicy): OwedRange[] {
  const schedule = reminderSchedule(today, policy);
  const notLapsed = addDays(today, -policy.graceDays);
  return schedule
    .map((r, i) => {
      const next = schedule[i + 1];
      const from = next ? addDays(today, 1 - next.offsetDays) : notLapsed;
      return { offsetDays: r.offsetDays, kind: r.kind, dueFrom: from < notLapsed ? notLapsed : from, dueTo: addDays(today, -r.offsetDays) };
    })
    .filter((r) => r.dueFrom <= r.dueTo);
}
