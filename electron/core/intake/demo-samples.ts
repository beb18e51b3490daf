import { sql, type SqlBool } from 'kysely';
import type { Db } from '../db/open-database';
import { intakeDb } from './intake-schema';

/**
 * Makes sample data show the intake features: upgrades that remember the level before them,
 * and one person registered twice with two emails (a possible duplicate to merge).
 * Runs inside the seeding transaction, on the people it created (`created_at = now`).
 */
export async function addIntakeSamples(trx: Db, now: string): Promise<void> {
  await intakeDb(trx)
    .updateTable('person_requests')
    .set({
      previous_access_level_id: sql<number>`(SELECT id FROM access_levels WHERE id <> person_requests.access_level_id ORDER BY sort_order DESC LIMIT 1)`,
    })
    .where('type', '=', 'change_access')
    .where('previous_access_level_id', 'is', null)
    .where('created_at', '=', now)
    .execute();
  await registeredTwice(trx, now);
}

/**
 * Turns the second sample person into the first one registered again with a personal email,
 * rather than adding someone: `demo seed --people N` still makes exactly N people.
 */
async function registeredTwice(trx: Db, now: string): Promise<void> {
  const [first, second] = await trx.selectFrom('people').selectAll().where('created_at', '=', now).orderBy('id').limit(2).execute();
  if (!first || !second) return;
  const [local, domain] = first.email.split('@');
  const email = `${local}.personal@${domain}`;
  if (await trx.selectFrom('people').select('id').where(sql<SqlBool>`email = ${email} COLLATE NOCASE`).executeTakeFirst()) return;
  const change = { first_name: first.first_name, last_name: first.last_name, email, agency_id: first.agency_id };
  await trx.updateTable('people').set(change).where('id', '=', second.id).execute();
  await intakeDb(trx).updateTable('person_requests').set({ agency_id: first.agency_id }).where('person_id', '=', second.id).execute();
  // The registration entry must show what was registered.
  await trx
    .updateTable('audit')
    .set({
      after: sql<string>`json_set(after, '$.firstName', ${first.first_name}, '$.lastName', ${first.last_name}, '$.email', ${email}, '$.agencyId', ${first.agency_id})`,
      note: 'Sample data (registered twice: a possible duplicate)',
    })
    .where('entity', '=', 'person')
    .where('entity_id', '=', second.id)
    .where('action', '=', 'person.registered')
    .execute();
}
