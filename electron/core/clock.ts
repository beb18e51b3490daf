/**
 * "Now" and "today" come only from here, injected into the core, so tests can move time
 * (a recertification due next year is tested by moving the clock, not by waiting).
 */
export interface Clock {
  now(): Date;
  /** The office's calendar date, `YYYY-MM-DD`, in the clock's time zone. */
  today(): string;
}

function localDate(instant: Date, timeZone?: string): string {
  // en-CA formats as YYYY-MM-DD, which is exactly ISO-8601.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export function systemClock(timeZone?: string): Clock {
  return { now: () => new Date(), today: () => localDate(new Date(), timeZone) };
}

/** A clock that stands still at `iso` until moved; for tests, benchmarks and sample data dated in the past. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current.getTime()),
    today: () => localDate(current, 'UTC'),
    set: (next: string) => {
      current = new Date(next);
    },
  };
}
