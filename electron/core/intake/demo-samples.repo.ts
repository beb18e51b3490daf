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
