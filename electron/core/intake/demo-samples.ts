import type { Db } from '../db/open-database';
import type { PersonRow } from '../people/people.repo';
import { rememberPreviousLevels } from './demo-samples.repo';

/** The audit note of the sample person registered twice. */
export const REGISTERED_TWICE_NOTE = 'Sample data (registered twice: a possible duplicate)';

/**
 * Makes sample data show the intake features: upgrades that remember the level before them.
 * Runs after the seed's people are written, on those it created (ids from `firstId` on).
 */
export async function addIntakeSamples(trx: Db, firstId: number): Promise<void> {
  await rememberPreviousLevels(trx, firstId);
}

/** A person the seed is about to write, with the note its registration's audit row gets. */
export interface SeedRegistration {
  row: PersonRow;
  registrationNote?: string;
}

/**
 * Turns the seed's second person into the first one registered again with a personal email (a
 * possible duplicate to merge), rather than adding someone: `demo seed --people N` still makes
 * exactly N people. Done before the rows are written, so the registration's audit row says what
 * was registered: the audit is append-only and is never corrected afterwards.
 */
export function registerSecondAgain<T extends SeedRegistration>(people: T[], taken: Set<string>): boolean {
  const [first, second] = people;
  if (!first || !second) return false;
  const [local, domain] = first.row.email.split('@');
  const email = `${local}.personal@${domain}`;
  if (taken.has(email)) return false;
  taken.add(email);
  const row = { ...second.row, firstName: first.row.firstName, lastName: first.row.lastName, email, agencyId: first.row.agencyId };
  people[1] = { ...second, row, registrationNote: REGISTERED_TWICE_NOTE };
  return true;
}
