import { sql, type SqlBool } from 'kysely';
import type { AccessLevelSynonym, ImportField, SavedMapping } from '../../../shared/domain/intake';
import type { Db } from '../db/open-database';
import { intakeDb } from './intake-schema';

type MappingColumns = SavedMapping['columns'];

export async function listMappings(db: Db): Promise<SavedMapping[]> {
  const rows = await intakeDb(db).selectFrom('import_mappings').selectAll().orderBy(sql`name COLLATE NOCASE`).execute();
  return rows.map((r) => ({ name: r.name, columns: JSON.parse(r.columns) as MappingColumns, updatedAt: r.updated_at }));
}

export async function getMapping(db: Db, name: string): Promise<SavedMapping | undefined> {
  const row = await intakeDb(db)
    .selectFrom('import_mappings')
    .selectAll()
    .where(sql<SqlBool>`name = ${name} COLLATE NOCASE`)
    .executeTakeFirst();
  return row && { name: row.name, columns: JSON.parse(row.columns) as MappingColumns, updatedAt: row.updated_at };
}

/** Replaces a mapping of the same name (any letter case): saving again is how it is edited. */
export async function putMapping(trx: Db, name: string, columns: { header: string; field: ImportField | null }[], nowIso: string): Promise<void> {
  const db = intakeDb(trx);
  await db.deleteFrom('import_mappings').where(sql<SqlBool>`name = ${name} COLLATE NOCASE`).execute();
  await db.insertInto('import_mappings').values({ name, columns: JSON.stringify(columns), updated_at: nowIso }).execute();
}

export async function deleteMapping(trx: Db, name: string): Promise<number> {
  const result = await intakeDb(trx).deleteFrom('import_mappings').where(sql<SqlBool>`name = ${name} COLLATE NOCASE`).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listSynonyms(db: Db): Promise<AccessLevelSynonym[]> {
  return intakeDb(db)
    .selectFrom('access_level_synonyms as s')
    .innerJoin('access_levels as l', 'l.id', 's.access_level_id')
    .select(['s.synonym', 's.access_level_id as accessLevelId', 'l.name as accessLevelName'])
    .orderBy('l.sort_order')
    .orderBy(sql`s.synonym COLLATE NOCASE`)
    .execute();
}

export async function findSynonym(db: Db, synonym: string): Promise<AccessLevelSynonym | undefined> {
  return intakeDb(db)
    .selectFrom('access_level_synonyms as s')
    .innerJoin('access_levels as l', 'l.id', 's.access_level_id')
    .select(['s.synonym', 's.access_level_id as accessLevelId', 'l.name as accessLevelName'])
    .where(sql<SqlBool>`s.synonym = ${synonym} COLLATE NOCASE`)
    .executeTakeFirst();
}

export async function putSynonym(trx: Db, synonym: string, accessLevelId: number, nowIso: string): Promise<void> {
  const db = intakeDb(trx);
  await db.deleteFrom('access_level_synonyms').where(sql<SqlBool>`synonym = ${synonym} COLLATE NOCASE`).execute();
  await db.insertInto('access_level_synonyms').values({ synonym, access_level_id: accessLevelId, created_at: nowIso }).execute();
}

export async function insertSynonyms(trx: Db, rows: { synonym: string; accessLevelId: number }[], nowIso: string): Promise<void> {
  if (!rows.length) return;
  await intakeDb(trx)
    .insertInto('access_level_synonyms')
    .values(rows.map((r) => ({ synonym: r.synonym, access_level_id: r.accessLevelId, created_at: nowIso })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function deleteSynonym(trx: Db, synonym: string): Promise<number> {
  const result = await intakeDb(trx).deleteFrom('access_level_synonyms').where(sql<SqlBool>`synonym = ${synonym} COLLATE NOCASE`).executeTakeFirst();
  return Number(result.numDeletedRows);
}
