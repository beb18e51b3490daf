const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** About 1 min, 5 min, 30 min, 2 h, then daily: quick for a blip, patient with a long outage. */
const STEPS = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR];
/** After this many attempts (about five and a half days) a message fails instead of waiting on. */
const MAX_ATTEMPTS = 10;

/** When to try again after attempt number `attempts` failed for a temporary reason; null: give up. */
export function nextAttemptAfter(attempts: number, now: Date): string | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const wait = STEPS[attempts - 1] ?? DAY;
  return new Date(now.getTime() + wait).toISOString();
}
