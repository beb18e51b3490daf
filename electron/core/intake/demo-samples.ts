import type { Db } from '../db/open-database';
import { findPersonIdByEmail } from '../people/people.repo';
import { firstCreated, registerAgainAs, rememberPreviousLevels } from './demo-samples.repo';

/**
 * Makes sample data show the intake features: upgrades that remember the level before them,
 * and one person registered twice with two emails (a possible duplicate to merge).
 * Runs after the seed's people are written, on those it created (ids from `firstId` on).
 */
export async function addIntakeSamples(trx: Db, firstId: number): Promise<void> {
  await rememberPreviousLevels(trx, firstId);
  await registeredTwice(trx, firstId);
}

/**
 * Turns the second sample person into the first one registered again with a personal email,
 * rather than adding someone: `demo seed --people N` still makes exactly N people.
 */
async function registeredTwice(trx: Db, firstId: number): Promise<void> {
  const [first, second] = await firstCreated(trx, firstId, 2);
  if (!first || !second) return;
  const [local, domain] = first.email.split('@');
  const email = `${local}.personal@${domain}`;
  if ((await findPersonIdByEmail(trx, email)) !== undefined) return;
  const as = { firstName: first.first_name, lastName: first.last_name, email, agencyId: first.agency_id };
  await registerAgainAs(trx, second.id, as, 'Sample data (registered twice: a possible duplicate)');
}
