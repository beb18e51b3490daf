import type { Db } from '../db/open-database';
import type { PersonRow } from '../people/people.repo';
import { rememberPreviousLevels } from './demo-samples.repo';

/** The audit note of the sample person registered twice. */
export const REGISTERED_TWICE_NOTE = 'Sample data (registered twice: a possible duplicate)';

/**
 * Makes sample data show the intake features: upgrades that remember the level before them.
 * Runs inside the seeding transaction, on the people it created (`created_at = now`).
 */
export async function addIntakeSamples(trx: Db, now: string): Promise<void> {
  await rememberPreviousLevels(trx, now);
}

/**
 * Turns the seed's second person into the first one registered again with a personal email (a
 * possible duplicate to merge), rather than adding someone: `demo seed --people N` still makes
 * exactly N people. Done before the rows are written, so the registration's audit row says what
 * was registered: the audit is append-only and is never corrected afterwards.
 */
export function registerSecondAgain(rows: PersonRow[], taken: Set<string>): boolean {
  const [first, second] = rows;
  if (!first || !second) return false;
  const [local, domain] = first.email.split('@');
  const email = `${local}.personal@${domain}`;
  if (taken.has(email)) return false;
  taken.add(email);
  rows[1] = { ...second, firstName: first.firstName, lastName: first.lastName, email, agencyId: first.agencyId };
  return true;
}
