/**
 * A "Last, First" name as a form or a CSV cell holds it, put in reading order: "Lee, Dana" in the
 * first-name field (with the last name empty or "Lee") is Dana Lee. Anything without a comma is
 * left as it is.
 */
export function orderedName(firstName: string, lastName: string): { firstName: string; lastName: string } {
  const first = firstName.trim();
  const last = lastName.trim();
  const comma = first.indexOf(',');
  if (comma >= 0) {
    const before = first.slice(0, comma).trim();
    const after = first.slice(comma + 1).trim();
    if (!last || last.toLowerCase() === before.toLowerCase()) return after ? { firstName: after, lastName: before } : { firstName: before, lastName: last };
    return { firstName: after || before, lastName: last };
  }
  const lastComma = last.indexOf(',');
  if (lastComma >= 0 && !first) return { firstName: last.slice(lastComma + 1).trim(), lastName: last.slice(0, lastComma).trim() };
  return { firstName: first, lastName: last };
}
