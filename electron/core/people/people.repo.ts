import { sql, type SqlBool } from 'kysely';
import { requestType as requestTypes, type Person } from '../../../shared/domain/person';
import { deriveStage } from '../../../shared/workflow';
import { fromDb } from '../db/db-enums';
import type { Db } from '../db/open-database';
import { documentStatesSql, parseDocumentStates, parseRecertFacts, parseTrainingFacts, recertFactsSql, trainingFactsSql } from './stage.repo';

/**
 * The stored fields of a person, as every writer writes them: the shared `Person` without what is
 * derived (names of agency and level, stage) or kept by the database (id, timestamps).
 */
export type PersonRow = Pick<Person, 'firstName' | 'lastName' | 'email' | 'phone' | 'agencyId' | 'supervisorName' | 'supervisorEmail' | 'accessLevelId' | 'requestType' | 'registeredOn' | 'notes'>;

export function selectPeople(db: Db) {
  return db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .innerJoin('access_levels as l', 'l.id', 'p.access_level_id')
    .select([
      'p.id',
      'p.first_name as firstName',
      'p.last_name as lastName',
      'p.email',
      'p.phone',
      'p.agency_id as agencyId',
      'a.name as agencyName',
      'p.supervisor_name as supervisorName',
      'p.supervisor_email as supervisorEmail',
      'p.access_level_id as accessLevelId',
      'l.name as accessLevelName',
      'p.request_type as requestType',
      'p.registered_on as registeredOn',
      'p.notes',
      'p.created_at as createdAt',
      'p.updated_at as updatedAt',
      documentStatesSql().as('documentStates'),
      trainingFactsSql().as('trainingFacts'),
      recertFactsSql().as('recertFacts'),
      'p.recert_due_on as recertDueOn',
      // certifications_by_person (person_id, certified_on) answers it from the index, per listed row.
      sql<string | null>`(SELECT max(c.certified_on) FROM certifications AS c WHERE c.person_id = p.id)`.as('certifiedOn'),
    ]);
}

type SelectedPerson = Omit<Person, 'stage' | 'requestType'> & { requestType: string; documentStates: string | null; trainingFacts: string | null; recertFacts: string | null };

export function toPerson(row: SelectedPerson, today: string): Person {
  const { documentStates, trainingFacts, recertFacts, ...person } = row;
  const requestType = fromDb(requestTypes, row.requestType, 'people.request_type');
  const facts = { requestType, documents: parseDocumentStates(documentStates), training: parseTrainingFacts(trainingFacts), ...parseRecertFacts(recertFacts) };
  return { ...person, requestType, stage: deriveStage(facts, today) };
}

export async function getPerson(db: Db, id: number, today: string): Promise<Person | undefined> {
  const row = await selectPeople(db).where('p.id', '=', id).executeTakeFirst();
  return row && toPerson(row, today);
}

export async function findPersonIdByEmail(db: Db, email: string): Promise<number | undefined> {
  // COLLATE NOCASE matches the unique index, so this is an index lookup.
  const row = await db
    .selectFrom('people')
    .select('id')
    .where(sql<SqlBool>`email = ${email} COLLATE NOCASE`)
    .executeTakeFirst();
  return row?.id;
}

export async function insertPerson(trx: Db, row: PersonRow, nowIso: string): Promise<number> {
  const result = await trx
    .insertInto('people')
    .values({ ...toColumns(row), created_at: nowIso, updated_at: nowIso })
    .returning('id')
    .executeTakeFirstOrThrow();
  return result.id;
}

/** Many people in one statement per chunk; for imports and sample data. Returns ids in order. */
export async function insertPeople(trx: Db, rows: readonly PersonRow[], nowIso: string): Promise<number[]> {
  if (rows.length === 0) return [];
  const result = await trx
    .insertInto('people')
    .values(rows.map((row) => ({ ...toColumns(row), created_at: nowIso, updated_at: nowIso })))
    .returning('id')
    .execute();
  return result.map((r) => r.id);
}

export async function allEmails(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('people').select('email').execute();
  return new Set(rows.map((r) => r.email.toLowerCase()));
}

/** Writes only over the version the caller read (`expectedUpdatedAt`); false when someone else wrote first. */
export async function updatePerson(trx: Db, id: number, row: PersonRow, expectedUpdatedAt: string, newUpdatedAt: string): Promise<boolean> {
  const result = await trx
    .updateTable('people')
    .set({ ...toColumns(row), updated_at: newUpdatedAt })
    .where('id', '=', id)
    .where('updated_at', '=', expectedUpdatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes only the version the caller read; false when it changed or is gone. */
export async function deletePerson(trx: Db, id: number, expectedUpdatedAt: string): Promise<boolean> {
  const result = await trx.deleteFrom('people').where('id', '=', id).where('updated_at', '=', expectedUpdatedAt).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

function toColumns(row: PersonRow) {
  return {
    first_name: row.firstName,
    last_name: row.lastName,
    email: row.email,
    phone: row.phone,
    agency_id: row.agencyId,
    supervisor_name: row.supervisorName,
    supervisor_email: row.supervisorEmail,
    access_level_id: row.accessLevelId,
    request_type: row.requestType,
    registered_on: row.registeredOn,
    notes: row.notes,
  };
}

export async function countPeople(db: Db): Promise<number> {
  const row = await db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
