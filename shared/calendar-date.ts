/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, as the office means dates: no time zone, no clock.
 * Computed in UTC so that daylight-saving changes never move a date.
 */

const DAY_MS = 86_400_000;

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function toUtc(date: string): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * Same day of the month, `months` later; clamped to the month's last day, so a certification on
 * 29 February is due on 28 February of a common year (never on 1 March).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const monthIndex = index - year * 12;
  const day = Math.min(d, daysInMonth(year, monthIndex));
  return fromUtc(Date.UTC(year, monthIndex, day));
}

/** `month` 1–12; the day is clamped like addMonths (a 29 February deadline in a common year). */
export function dateInYear(year: number, month: number, day: number): string {
  return fromUtc(Date.UTC(year, month - 1, Math.min(day, daysInMonth(year, month - 1))));
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

