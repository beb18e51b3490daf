/** "November 28, 2026" from an ISO instant or date, as messages to staff write dates. */
export function longDate(iso: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: /^\d{4}-\d{2}-\d{2}$/.test(iso) ? 'UTC' : undefined }).format(date);
}

/** Whole days from `since` (ISO date or instant) to `today` (ISO date); never negative. */
export function daysBetween(since: string, today: string): number {
  const start = Date.parse(`${since.slice(0, 10)}T00:00:00Z`);
  const end = Date.parse(`${today}T00:00:00Z`);
  return Math.max(0, Math.round((end - start) / 86_400_000));
}
