/**
 * The fields that differ between two versions of a record, as `{ before, after }` holding only
 * those fields: the audit shows "email: a@x.org → b@x.org", not two full copies.
 */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } | null {
  const was: Partial<T> = {};
  const now: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (!Object.is(before[key], after[key])) {
      was[key] = before[key];
      now[key] = after[key];
    }
  }
  return Object.keys(now).length ? { before: was, after: now } : null;
}
