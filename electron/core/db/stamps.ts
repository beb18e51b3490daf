/**
 * The `updated_at` a write gives a row last stamped `previous`. A compare-and-set on
 * `updated_at` only sees a change if every write moves it, so when the clock has not passed the
 * old stamp (two saves in one millisecond, a clock set back, the fixed clock of tests and sample
 * data) the new stamp is one millisecond past the old one.
 */
export function nextStamp(nowIso: string, previousIso: string): string {
  const now = Date.parse(nowIso);
  const previous = Date.parse(previousIso);
  return Number.isNaN(previous) || now > previous ? nowIso : new Date(previous + 1).toISOString();
}
