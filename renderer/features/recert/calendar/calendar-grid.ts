import { addDays, addMonths, daysBetween } from '../../../../shared/calendar-date';
import { plural } from '../../../../shared/plural';

/**
 * The month view's arithmetic on `YYYY-MM` and `YYYY-MM-DD` strings: weeks Sunday to Saturday (as
 * US office calendars and Outlook show them), heat steps, keyboard moves and the 90-day buckets.
 * Pure, so the grid's edges (leap days, years, six-week months) are tested without a browser.
 */

const UTC_DAY = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const monthTitleFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
const weekdayFormat = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });
const shortFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export const monthOf = (date: string): string => date.slice(0, 7);

export function shiftMonth(month: string, months: number): string {
  return monthOf(addMonths(`${month}-01`, months));
}

export function monthRange(month: string): { from: string; to: string } {
  return { from: `${month}-01`, to: addDays(`${shiftMonth(month, 1)}-01`, -1) };
}

/** The month's weeks, Sunday first; days of the months before and after fill the first and last week. */
export function monthWeeks(month: string): string[][] {
  const { from, to } = monthRange(month);
  let day = addDays(from, -UTC_DAY(from));
  const weeks: string[][] = [];
  while (day <= to) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)));
    day = addDays(day, 7);
  }
  return weeks;
}

export const monthTitle = (month: string): string => monthTitleFormat.format(new Date(`${month}-01T00:00:00Z`));
export const dayTitle = (date: string): string => dayFormat.format(new Date(`${date}T00:00:00Z`));
export const weekdayTitle = (date: string): string => weekdayFormat.format(new Date(`${date}T00:00:00Z`));
export const shortDay = (date: string): string => shortFormat.format(new Date(`${date}T00:00:00Z`));

export const peopleDue = (count: number): string => (count === 0 ? 'nobody due' : `${plural(count, 'person', 'people')} due`);

/** What a screen reader says for a day: "December 14: 12 people due". */
export const dayLabel = (date: string, count: number): string => `${dayTitle(date)}: ${peopleDue(count)}`;

export const HEAT_LEVELS = 4;

/**
 * What the steps divide: the month's busiest day, but never less than one person per step, so a
 * month of ones and twos is pale (one person is not "busy") and a busy month is read against its peak.
 */
const scaleOf = (max: number) => Math.max(max, HEAT_LEVELS);

/** 0 for nobody, else 1 to HEAT_LEVELS in equal quarters of the scale; the busiest day of a busy month is darkest. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0) return 0;
  return Math.min(HEAT_LEVELS, Math.ceil((count * HEAT_LEVELS) / scaleOf(max)));
}

/** The legend: each level that occurs up to the month's busiest day, with the counts it stands for. */
export function heatSteps(max: number): { level: number; from: number; to: number }[] {
  const scale = scaleOf(max);
  const steps = [];
  for (let level = 1; level <= HEAT_LEVELS; level += 1) {
    const from = Math.floor(((level - 1) * scale) / HEAT_LEVELS) + 1;
    const to = Math.min(max, Math.floor((level * scale) / HEAT_LEVELS));
    if (from <= to) steps.push({ level, from, to });
  }
  return steps;
}

/** Where a key moves the focused day (the WAI-ARIA date grid keys), or null for other keys. */
export function moveDay(date: string, key: string): string | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1);
    case 'ArrowRight':
      return addDays(date, 1);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'Home':
      return addDays(date, -UTC_DAY(date));
    case 'End':
      return addDays(date, 6 - UTC_DAY(date));
    case 'PageUp':
      return addMonths(date, -1);
    case 'PageDown':
      return addMonths(date, 1);
    default:
      return null;
  }
}

/** The day to focus in a month: the one kept if it is in that month, else today there, else the 1st. */
export function focusDayIn(month: string, kept: string | null, today: string): string {
  if (kept && monthOf(kept) === month) return kept;
  return monthOf(today) === month ? today : `${month}-01`;
}

export interface Bucket {
  from: string;
  to: string;
}

/** `days` days from today in weeks of seven (the last one shorter): "the next 90 days at a glance". */
export function weekBuckets(today: string, days = 90): Bucket[] {
  const last = addDays(today, days - 1);
  const buckets: Bucket[] = [];
  for (let from = today; from <= last; from = addDays(from, 7)) {
    const to = addDays(from, 6);
    buckets.push({ from, to: to < last ? to : last });
  }
  return buckets;
}

/** Every month that a range of dates touches, for fetching their heat maps. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = monthOf(from); month <= monthOf(to); month = shiftMonth(month, 1)) months.push(month);
  return months;
}

export function countIn(days: readonly { date: string; count: number }[], bucket: Bucket): number {
  return days.reduce((n, d) => (d.date >= bucket.from && d.date <= bucket.to ? n + d.count : n), 0);
}

export const bucketTitle = (b: Bucket): string => (b.from === b.to ? shortDay(b.from) : `${shortDay(b.from)} – ${shortDay(b.to)}`);

/** "in 3 days", "today", "12 days ago": beside a due date in the lists. */
export function relativeDays(today: string, date: string): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
