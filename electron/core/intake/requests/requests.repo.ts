import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { requestType, type RequestType } from '../../../../shared/domain/person';
import { requestStatus, type PersonRequest, type RequestStatus } from '../../../../shared/domain/request';
import { fromDb } from '../../db/db-enums';
import type { Db } from '../../db/open-database';
import { nextStamp } from '../../db/stamps';
import { intakeDb } from '../intake-schema';

export interface NewRequest {
  personId: number;
  type: RequestType;
  accessLevelId: number | null;
  previousAccessLevelId: number | null;
  agencyId: number | null;
  note: string | null;
}

export interface RequestFilter {
  personId?: number;
  type?: RequestType;
  status?: RequestStatus | 'active';
}

function selectRequests(db: Db) {
  return intakeDb(db)
    .selectFrom('person_requests as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .leftJoin('access_levels as l', 'l.id', 'r.access_level_id')
    .leftJoin('access_levels as pl', 'pl.id', 'r.previous_access_level_id')
    .leftJoin('agencies as a', 'a.id', 'r.agency_id')
    .select([
      'r.id',
      'r.person_id as personId',
      sql<string>`p.first_name || ' ' || p.last_name`.as('personName'),
      'p.email as personEmail',
      'r.type',
      'r.status',
      'r.access_level_id as accessLevelId',
      'l.name as accessLevelName',
      'r.previous_access_level_id as previousAccessLevelId',
      'pl.name as previousAccessLevelName',
      'r.agency_id as agencyId',
      'a.name as agencyName',
      'r.note',
      'r.created_at as createdAt',
      'r.updated_at as updatedAt',
      'r.closed_at as closedAt',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRequests>['execute']>>[number];
const toRequest = (row: Row): PersonRequest => ({ ...row, type: fromDb(requestType, row.type, 'person_requests.type'), status: fromDb(requestStatus, row.status, 'person_requests.status') });

function where(filter: RequestFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`1 = 1`];
  if (filter.personId !== undefined) parts.push(sql<SqlBool>`r.person_id = ${filter.personId}`);
  if (filter.type !== undefined) parts.push(sql<SqlBool>`r.type = ${filter.type}`);
  if (filter.status === 'active') parts.push(sql<SqlBool>`r.status IN ('open', 'in_progress')`);
  else if (filter.status !== undefined) parts.push(sql<SqlBool>`r.status = ${filter.status}`);
  return sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}

export async function listRequests(db: Db, filter: RequestFilter, offset: number, limit: number): Promise<{ total: number; items: PersonRequest[] }> {
  const rows = await selectRequests(db).where(where(filter)).orderBy('r.id', 'desc').limit(limit).offset(offset).execute();
  const count = await intakeDb(db)
    .selectFrom('person_requests as r')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where(filter))
    .executeTakeFirstOrThrow();
  return { total: Number(count.n), items: rows.map(toRequest) };
}

export async function getRequest(db: Db, id: number): Promise<PersonRequest | undefined> {
  const row = await selectRequests(db).where('r.id', '=', id).executeTakeFirst();
  return row && toRequest(row);
}

export async function insertRequests(trx: Db, rows: readonly NewRequest[], nowIso: string): Promise<number[]> {
  if (!rows.length) return [];
  const result = await intakeDb(trx)
    .insertInto('person_requests')
    .values(
      rows.map((r) => ({
        person_id: r.personId,
        type: r.type,
        status: 'open',
        access_level_id: r.accessLevelId,
        previous_access_level_id: r.previousAccessLevelId,
        agency_id: r.agencyId,
        note: r.note,
        created_at: nowIso,
        updated_at: nowIso,
      })),
    )
    .returning('id')
    .execute();
  return result.map((r) => r.id);
}

/**
 * Opens a request unless the person already has an active one of the same type, in one
 * statement, so two at once cannot both open it. Returns the new id, or undefined when one was open.
 */
export async function insertRequestUnlessActive(trx: Db, r: NewRequest, nowIso: string): Promise<number | undefined> {
  const result = await sql<{ id: number }>`
    INSERT INTO person_requests (person_id, type, status, access_level_id, previous_access_level_id, agency_id, note, created_at, updated_at)
    SELECT ${r.personId}, ${r.type}, 'open', ${r.accessLevelId}, ${r.previousAccessLevelId}, ${r.agencyId}, ${r.note}, ${nowIso}, ${nowIso}
    WHERE NOT EXISTS (
      SELECT 1 FROM person_requests WHERE person_id = ${r.personId} AND type = ${r.type} AND status IN ('open', 'in_progress'))
    RETURNING id`.execute(trx);
  return result.rows[0]?.id;
}

export interface RequestState {
  status: RequestStatus;
  note: string | null;
}

/** Writes only over the version the caller read; false when someone else changed the request first. */
export async function setRequestState(trx: Db, id: number, state: RequestState, expectedUpdatedAt: string, nowIso: string): Promise<boolean> {
  const closed = state.status === 'completed' || state.status === 'cancelled';
  const result = await intakeDb(trx)
    .updateTable('person_requests')
    .set({ status: state.status, note: state.note, updated_at: nextStamp(nowIso, expectedUpdatedAt), closed_at: closed ? sql<string>`coalesce(closed_at, ${nowIso})` : null })
    .where('id', '=', id)
    .where('updated_at', '=', expectedUpdatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The type of the person's newest request that is not cancelled: what their record says they asked for. */
export async function currentRequestType(db: Db, personId: number): Promise<RequestType | undefined> {
  const row = await intakeDb(db)
    .selectFrom('person_requests')
    .select('type')
    .where('person_id', '=', personId)
    .where('status', '!=', 'cancelled')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row && fromDb(requestType, row.type, 'person_requests.type');
}
