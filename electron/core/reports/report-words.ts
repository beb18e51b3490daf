import { daysBetween } from '../../../shared/calendar-date';

/** Whole days from a date or instant to today; never negative (a fact dated later than today reads 0). */
export function daysSince(since: string, today: string): number {
  return Math.max(0, daysBetween(since.slice(0, 10), today));
}

/** The middle value (the lower of the two middles for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the office's clock read it, to the minute: `2026-11-28 09:05`. */
export function localMinute(instant: string): string {
  const d = new Date(instant);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
