import { sql } from 'kysely';
import type { Db } from '../db/open-database';
import { intakeDb } from './intake-schema';

/**
 * Sample-data writes for intake (`demo seed`), on the people the seed created: ids from the
 * seed's first person on.
 */

/** Upgrades made by the seed remember a level before them: the highest other level. */
export async function rememberPreviousLevels(trx: Db, firstId: number): Promise<void> {
  await intakeDb(trx)
    .updateTable('person_requests')
    .set({
      previous_access_level_id: sql<number>`(SELECT id FROM access_levels WHERE id <> person_requests.access_level_id ORDER BY sort_order DESC LIMIT 1)`,
    })
    .where('type', '=', 'change_access')
    .where('previous_access_level_id', 'is', null)
    .where('person_id', '>=', firstId)
    .execute();
}

/** The first people the seed created, in order. */
export async function firstCreated(trx: Db, firstId: number, count: number) {
  return trx.selectFrom('people').selectAll().where('id', '>=', firstId).orderBy('id').limit(count).execute();
}

interface SameRegistrant {
  firstName: string;
  lastName: string;
  email: string;
  agencyId: number;
}

/**
 * Makes person `id` a second registration of `as` (same name and agency, another email): the
 * person, their requests, and their registration entry in the audit, which must show what was
 * registered.
 */
export async function registerAgainAs(trx: Db, id: number, as: SameRegistrant, note: string): Promise<void> {
  await trx.updateTable('people').set({ first_name: as.firstName, last_name: as.lastName, email: as.email, agency_id: as.agencyId }).where('id', '=', id).execute();
  await intakeDb(trx).updateTable('person_requests').set({ agency_id: as.agencyId }).where('person_id', '=', id).execute();
  await trx
    .updateTable('audit')
    .set({
      after: sql<string>`json_set(after, '$.firstName', ${as.firstName}, '$.lastName', ${as.lastName}, '$.email', ${as.email}, '$.agencyId', ${as.agencyId})`,
      note,
    })
    .where('entity', '=', 'person')
    .where('entity_id', '=', id)
    .where('action', '=', 'person.registered')
    .execute();
}
