import { daysBetween } from '../../../shared/calendar-date';
import type { PersonDueFilter } from '../../../shared/domain/person';
import type { RecertStatus } from '../../../shared/recert';
import { plural } from '../../../shared/plural';
import type { Stage } from '../../../shared/workflow';

/** Where a certified person stands, as the office says it: the policy's statuses plus "deactivated". */
export type CertStatus = RecertStatus | 'deactivated';

export const CERT_STATUS_LABELS: Record<CertStatus, string> = {
  current: 'Current',
  due_soon: 'Due soon',
  due: 'Due',
  overdue: 'Overdue',
  lapsed: 'Lapsed',
  deactivated: 'Deactivated',
};

/** Colours follow what the office must do: nothing (teal), plan (blue), chase (orange), deactivate (red). */
export const CERT_STATUS_COLORS: Record<CertStatus, string> = {
  current: 'teal',
  due_soon: 'blue',
  due: 'yellow',
  overdue: 'orange',
  lapsed: 'red',
  deactivated: 'gray',
};

const STAGE_STATUS: Partial<Record<Stage, CertStatus>> = {
  active: 'current',
  recert_due_soon: 'due_soon',
  recert_due: 'due',
  recert_overdue: 'overdue',
  lapsed: 'lapsed',
  deactivated: 'deactivated',
};

/** The certification status a listed person's stage implies; null for anyone not yet certified. */
export function certStatusOfStage(stage: Stage, dueOn: string | null): CertStatus | null {
  if (dueOn === null) return null;
  return STAGE_STATUS[stage] ?? null;
}

/** Past two months, days stop helping: "in 5 months" reads faster than "in 152 days". */
const DAYS_SHOWN = 60;

/**
 * How far the due date is from today, in words: "due today", "tomorrow", "in 12 days",
 * "in 5 months", "1 day overdue", "9 days overdue", "3 months overdue".
 */
export function relativeDueWords(dueOn: string, today: string): string {
  const days = daysBetween(today, dueOn);
  if (days === 0) return 'due today';
  if (days === 1) return 'tomorrow';
  const span = Math.abs(days);
  const amount = span < DAYS_SHOWN ? plural(span, 'day', 'days') : plural(Math.round(span / 30.44), 'month', 'months');
  return days > 0 ? `in ${amount}` : `${amount} overdue`;
}

/** The master list's "Due" filter, in the order an office plans by. */
export const DUE_FILTER_LABELS: Record<PersonDueFilter, string> = {
  next_30: 'Due in the next 30 days',
  next_60: 'Due in the next 60 days',
  next_90: 'Due in the next 90 days',
  overdue: 'Overdue (in grace period)',
  lapsed: 'Lapsed',
};
