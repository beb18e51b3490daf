import { sql } from 'kysely';
import { addDays } from '../../../shared/calendar-date';
import type { Db } from '../db/open-database';
import { recertDb } from './recert-schema';

export interface DeactivationTaskRow {
  personId: number;
  firstName: string;
  lastName: string;
  agencyName: string;
  hmisUserName: string | null;
  email: string;
  supervisorName: string | null;
  supervisorEmail: string | null;
  reason: 'lapsed' | 'requested';
  since: string;
  requestNote: string | null;
  requestedBy: string | null;
}

const USER_NAME = sql`(SELECT c.hmis_user_name FROM certifications AS c WHERE c.person_id = p.id AND c.hmis_user_name IS NOT NULL ORDER BY c.certified_on DESC, c.id DESC LIMIT 1)`;
const OPEN_REQUEST = sql`(SELECT r.id FROM person_requests AS r WHERE r.person_id = p.id AND r.type = 'deactivation' AND r.status IN ('open', 'in_progress') ORDER BY r.id DESC LIMIT 1)`;
const REQUEST_NOTE = sql`(SELECT r.note FROM person_requests AS r WHERE r.id = ${OPEN_REQUEST})`;
// Who recorded the request is in its audit row (person_requests has no such column): a walk of audit_by_entity.
const REQUESTED_BY = sql`(SELECT au.operator FROM audit AS au WHERE au.entity = 'person' AND au.entity_id = p.id AND au.action = 'request.opened'
  AND json_extract(au.after, '$.requestId') = ${OPEN_REQUEST} ORDER BY au.id DESC LIMIT 1)`;
const REQUESTED_ON = sql`coalesce((SELECT substr(max(r.created_at), 1, 10) FROM person_requests AS r WHERE r.person_id = p.id AND r.type = 'deactivation' AND r.status IN ('open', 'in_progress')), substr(p.updated_at, 1, 10))`;

/**
 * Lapsed people (active in the stored stage, due before the grace period: a range of
 * people_by_stage_due) and deactivation requests (a range of the stage indexes), oldest first.
 * The page is chosen first from the keys alone (who, why, since: the lapsed part never leaves
 * the index), and only its rows pay for the user name, the note and who asked (an audit lookup):
 * computed for every task before sorting, they cost 35 ms at 100,000 people; now a few.
 */
export function deactivationQueries(db: Db, today: string, graceDays: number, offset: number, limit: number) {
  const lapsedBefore = addDays(today, -graceDays);
  const keys = sql`SELECT p.id AS id, 'lapsed' AS reason, date(p.recert_due_on, '+' || ${graceDays + 1} || ' days') AS since
      FROM people AS p WHERE p.stage = 'active' AND p.recert_due_on < ${lapsedBefore}
    UNION ALL
    SELECT p.id, 'requested', ${REQUESTED_ON} FROM people AS p WHERE p.stage = 'deactivation_requested'`;
  const page = sql<DeactivationTaskRow>`WITH chosen AS (SELECT id, reason, since FROM (${keys}) ORDER BY since, id LIMIT ${limit} OFFSET ${offset})
    SELECT p.id AS personId, p.first_name AS firstName, p.last_name AS lastName, a.name AS agencyName, ${USER_NAME} AS hmisUserName,
        p.email AS email, p.supervisor_name AS supervisorName, p.supervisor_email AS supervisorEmail, chosen.reason AS reason, chosen.since AS since,
        (CASE WHEN chosen.reason = 'requested' THEN ${REQUEST_NOTE} END) AS requestNote, (CASE WHEN chosen.reason = 'requested' THEN ${REQUESTED_BY} END) AS requestedBy
      FROM chosen JOIN people AS p ON p.id = chosen.id JOIN agencies AS a ON a.id = p.agency_id
      ORDER BY chosen.since, chosen.id`;
  const count = sql<{ n: number }>`SELECT (SELECT count(*) FROM people AS p WHERE p.stage = 'active' AND p.recert_due_on < ${lapsedBefore})
    + (SELECT count(*) FROM people AS p WHERE p.stage = 'deactivation_requested') AS n`;
  return { page: page.compile(db), count: count.compile(db) };
}

export async function listDeactivationTasks(db: Db, today: string, graceDays: number, offset: number, limit: number): Promise<{ total: number; items: DeactivationTaskRow[] }> {
  const q = deactivationQueries(db, today, graceDays, offset, limit);
  const [page, count] = await Promise.all([db.executeQuery(q.page), db.executeQuery(q.count)]);
  return { total: Number(count.rows[0]?.n ?? 0), items: page.rows };
}

export interface NewDeactivation {
  personId: number;
  reason: 'lapsed' | 'requested';
  deactivatedOn: string;
  note: string | null;
}

/** False when the person is deactivated already (one open deactivation a person, migration 008). */
export async function insertDeactivation(trx: Db, d: NewDeactivation, operator: string, nowIso: string): Promise<boolean> {
  const result = await recertDb(trx)
    .insertInto('deactivations')
    .values({ person_id: d.personId, reason: d.reason, deactivated_on: d.deactivatedOn, note: d.note, confirmed_at: nowIso, confirmed_by: operator })
    .onConflict((oc) => oc.column('person_id').where('reactivated_at', 'is', null).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function markReactivated(trx: Db, personId: number, operator: string, nowIso: string): Promise<boolean> {
  const result = await recertDb(trx).updateTable('deactivations').set({ reactivated_at: nowIso, reactivated_by: operator }).where('person_id', '=', personId).where('reactivated_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Closes the person's open requests of these types as completed (credentials issued, account deactivated). */
export async function completeRequests(trx: Db, personId: number, types: readonly string[], nowIso: string): Promise<number[]> {
  const rows = await recertDb(trx)
    .withTables<{ person_requests: { id: number; person_id: number; type: string; status: string; updated_at: string; closed_at: string | null } }>()
    .updateTable('person_requests')
    .set({ status: 'completed', updated_at: nowIso, closed_at: nowIso })
    .where('person_id', '=', personId)
    .where('type', 'in', types)
    .where('status', 'in', ['open', 'in_progress'])
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** A reactivated person asks again as a new user: their record's request type, and a request to work. */
export async function reopenAsNewUser(trx: Db, personId: number, nowIso: string): Promise<void> {
  await sql`INSERT INTO person_requests (person_id, type, status, access_level_id, agency_id, note, created_at, updated_at)
    SELECT id, 'new_user', 'open', access_level_id, agency_id, 'Reactivated: restarts at training', ${nowIso}, ${nowIso} FROM people WHERE id = ${personId}`.execute(trx);
  await trx.updateTable('people').set({ request_type: 'new_user', updated_at: nowIso }).where('id', '=', personId).execute();
}
