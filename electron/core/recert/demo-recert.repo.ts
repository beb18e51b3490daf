import { sql } from 'kysely';
import type { Db } from '../db/open-database';

/** Spread over 410 days (13½ months): due soon, due, overdue and lapsed all have people today. */
const SPREAD_DAYS = 410;

/**
 * Sample certifications for the demo seed: a third of the people `fromId`–`toId` are issued
 * credentials (migration 008's trigger certifies them) on dates spread over the past 13½ months,
 * and one lapsed person in forty is already deactivated. One chunk of ids a call, in the caller's
 * transaction.
 */
export async function addRecertSamples(trx: Db, fromId: number, toId: number, today: string, nowIso: string): Promise<void> {
  await sql`INSERT INTO credentials (person_id, username, certified_on, new_password, note, issued_at)
    SELECT p.id, lower(substr(p.first_name, 1, 1) || p.last_name) || p.id, date(${today}, '-' || ((p.id * 7919) % ${SPREAD_DAYS}) || ' days'), 0, 'Sample data', ${nowIso}
    FROM people AS p WHERE p.id BETWEEN ${fromId} AND ${toId} AND p.id % 3 = 0 AND p.request_type <> 'deactivation'
      AND NOT EXISTS (SELECT 1 FROM credentials AS c WHERE c.person_id = p.id)`.execute(trx);
  await sql`INSERT INTO deactivations (person_id, reason, deactivated_on, confirmed_at, confirmed_by, note)
    SELECT p.id, 'lapsed', ${today}, ${nowIso}, 'Sample data', 'Sample data'
    FROM people AS p WHERE p.id BETWEEN ${fromId} AND ${toId} AND p.id % 120 = 0 AND p.stage = 'active' AND p.recert_due_on < date(${today}, '-30 days')
      AND NOT EXISTS (SELECT 1 FROM deactivations AS x WHERE x.person_id = p.id AND x.reactivated_at IS NULL)`.execute(trx);
}
