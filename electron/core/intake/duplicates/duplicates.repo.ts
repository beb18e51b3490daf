import { sql } from 'kysely';
import type { Db } from '../../db/open-database';
import { intakeDb } from '../intake-schema';

export interface NameRow {
  id: number;
  firstName: string;
  lastName: string;
  agencyId: number;
  agencyName: string;
}

/** Everyone's name and agency, or one agency's people (an index lookup) for one person's notice. */
export async function allNames(db: Db, agencyId?: number): Promise<NameRow[]> {
  let query = db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.first_name as firstName', 'p.last_name as lastName', 'p.agency_id as agencyId', 'a.name as agencyName']);
  if (agencyId !== undefined) query = query.where('p.agency_id', '=', agencyId);
  return query.execute();
}

/** Pairs as `"a|b"` with a < b. */
export async function notDuplicatePairs(db: Db): Promise<Set<string>> {
  const rows = await intakeDb(db).selectFrom('not_duplicates').select(['person_a', 'person_b']).execute();
  return new Set(rows.map((r) => `${r.person_a}|${r.person_b}`));
}

export async function insertNotDuplicate(trx: Db, a: number, b: number, nowIso: string): Promise<void> {
  const [low, high] = a < b ? [a, b] : [b, a];
  await intakeDb(trx).insertInto('not_duplicates').values({ person_a: low, person_b: high, created_at: nowIso }).onConflict((oc) => oc.doNothing()).execute();
}

export async function deleteNotDuplicatesOf(trx: Db, personId: number): Promise<void> {
  await intakeDb(trx).deleteFrom('not_duplicates').where((eb) => eb.or([eb('person_a', '=', personId), eb('person_b', '=', personId)])).execute();
}

/**
 * Every column of every table that references people(id), read from the schema itself, so a
 * merge also moves the records of features added later (documents, quiz attempts, mail).
 * SQLite-only (pragma_foreign_key_list): the one place a PostgreSQL port replaces.
 */
export async function personReferences(db: Db): Promise<{ table: string; column: string }[]> {
  const result = await sql<{ table: string; column: string }>`
    SELECT m.name AS "table", f."from" AS "column"
    FROM sqlite_master AS m, pragma_foreign_key_list(m.name) AS f
    WHERE m.type = 'table' AND f."table" = 'people' AND f."to" = 'id'`.execute(db);
  return result.rows;
}

export async function repointPerson(trx: Db, ref: { table: string; column: string }, fromId: number, toId: number): Promise<void> {
  await sql`UPDATE ${sql.table(ref.table)} SET ${sql.ref(ref.column)} = ${toId} WHERE ${sql.ref(ref.column)} = ${fromId}`.execute(trx);
}

/** Both people's current forms of the kinds they both have (one current form per kind and person, migration 004). */
export async function clashingCurrentForms(db: Db, a: number, b: number): Promise<{ id: number; personId: number; kind: string; status: string; uploadedAt: string }[]> {
  const result = await sql<{ id: number; personId: number; kind: string; status: string; uploadedAt: string }>`
    SELECT d.id, d.person_id AS "personId", d.kind, d.status, d.uploaded_at AS "uploadedAt" FROM documents AS d
    WHERE d.person_id IN (${a}, ${b}) AND d.status <> 'replaced'
      AND d.kind IN (SELECT x.kind FROM documents AS x JOIN documents AS y ON y.kind = x.kind
                     WHERE x.person_id = ${a} AND y.person_id = ${b} AND x.status <> 'replaced' AND y.status <> 'replaced')
    ORDER BY d.kind, d.id`.execute(db);
  return result.rows;
}

/** Moves a form out of the current ones; one never reviewed counts as closed by the merge. */
export async function retireForm(trx: Db, id: number, atIso: string, operator: string): Promise<void> {
  await sql`UPDATE documents SET status = 'replaced', reviewed_at = coalesce(reviewed_at, ${atIso}), reviewed_by = coalesce(reviewed_by, ${operator}) WHERE id = ${id}`.execute(trx);
}
