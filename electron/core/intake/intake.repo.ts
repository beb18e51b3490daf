import { sql, type SqlBool } from 'kysely';
import { requestType as requestTypes } from '../../../shared/domain/person';
import { listAccessLevels } from '../access-levels/access-levels.repo';
import { fromDb } from '../db/db-enums';
import type { Db } from '../db/open-database';
import { selectPeople } from '../people/people.repo';
import { runChunked } from '../quizzes/chunked.repo';
import { personRow } from '../people/person-writes';
import { intakeDb } from './intake-schema';
import type { ExistingPerson, Lookups, NamedId } from './lookups';
import { levelKey, nameKey, textKey } from './text-keys';

/** SQLite allows 32,766 bound values per statement; chunks keep every IN list and insert far below. */
export const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface LookupKeys {
  emails: string[];
  hashes: string[];
  lastNames: string[];
}

export async function loadLookups(db: Db, keys: LookupKeys, today: string): Promise<Lookups> {
  const [agencies, levels, existingByEmail, importedHashes, namesAtAgency] = await Promise.all([
    loadAgencies(db),
    loadLevels(db),
    loadExisting(db, keys.emails),
    loadImportedHashes(db, keys.hashes),
    loadNamesAtAgency(db, keys.lastNames),
  ]);
  return { today, agencies, levels: levels.byKey, levelNames: levels.names, existingByEmail, importedHashes, namesAtAgency };
}

export async function loadAgencies(db: Db): Promise<Map<string, NamedId>> {
  const rows = await db.selectFrom('agencies').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [textKey(r.name), r]));
}

async function loadLevels(db: Db): Promise<{ byKey: Map<string, NamedId>; names: string[] }> {
  const levels = await listAccessLevels(db);
  const synonyms = await intakeDb(db).selectFrom('access_level_synonyms').select(['synonym', 'access_level_id']).execute();
  const byId = new Map(levels.map((l) => [l.id, { id: l.id, name: l.name }]));
  const byKey = new Map<string, NamedId>();
  for (const s of synonyms) {
    const level = byId.get(s.access_level_id);
    if (level) byKey.set(levelKey(s.synonym), level);
  }
  // A level's own name wins over a synonym spelled the same way.
  for (const level of byId.values()) byKey.set(levelKey(level.name), level);
  return { byKey, names: levels.map((l) => l.name) };
}

async function loadExisting(db: Db, emails: readonly string[]): Promise<Map<string, ExistingPerson>> {
  const found = new Map<string, ExistingPerson>();
  for (const part of chunks([...new Set(emails)])) {
    // COLLATE NOCASE on the column matches the unique index, so each email is an index lookup.
    const rows = await selectPeople(db)
      .where(sql<SqlBool>`p.email COLLATE NOCASE IN (${sql.join(part)})`)
      .execute();
    for (const row of rows) {
      const { id, agencyName, accessLevelName, updatedAt } = row;
      const requestType = fromDb(requestTypes, row.requestType, 'people.request_type');
      found.set(row.email.toLowerCase(), { ...personRow({ ...row, requestType }), id, agencyName, accessLevelName, updatedAt, activeRequests: [] });
    }
  }
  await attachActiveRequests(db, found);
  return found;
}

async function attachActiveRequests(db: Db, people: Map<string, ExistingPerson>): Promise<void> {
  const byId = new Map([...people.values()].map((p) => [p.id, p]));
  const rows = await runChunked(
    db,
    [...byId.keys()],
    CHUNK,
    (part) => intakeDb(db).selectFrom('person_requests').select(['person_id', 'type', 'access_level_id', 'agency_id']).where('person_id', 'in', part).where('status', 'in', ['open', 'in_progress']),
    (id) => [id],
  );
  for (const r of rows) byId.get(r.person_id)?.activeRequests.push({ type: fromDb(requestTypes, r.type, 'person_requests.type'), accessLevelId: r.access_level_id, agencyId: r.agency_id });
}

async function loadImportedHashes(db: Db, hashes: readonly string[]): Promise<Set<string>> {
  const rows = await runChunked(db, [...new Set(hashes)], CHUNK, (part) => intakeDb(db).selectFrom('import_rows').select('row_hash').where('row_hash', 'in', part), (hash) => [hash]);
  return new Set(rows.map((r) => r.row_hash));
}

/**
 * People sharing a family name with a row, keyed by name and agency. Matched on the indexed
 * NOCASE name first and on the accent-free key after; `people.possibleDuplicates` also
 * catches the accent variants this narrower lookup misses.
 */
async function loadNamesAtAgency(db: Db, lastNames: readonly string[]): Promise<Lookups['namesAtAgency']> {
  const found: Lookups['namesAtAgency'] = new Map();
  const rows = await runChunked(
    db,
    [...new Set(lastNames)],
    CHUNK,
    (part) => db.selectFrom('people').select(['id', 'first_name', 'last_name', 'email', 'agency_id']).where(sql<SqlBool>`last_name COLLATE NOCASE IN (${sql.join([...part])})`),
    (name) => [name],
  );
  for (const r of rows) {
    const key = `${nameKey(r.first_name, r.last_name)}|${r.agency_id}`;
    let same = found.get(key);
    if (!same) found.set(key, (same = []));
    same.push({ id: r.id, name: `${r.first_name} ${r.last_name}`, email: r.email });
  }
  return found;
}

export async function findBatchBySha(db: Db, sha256: string) {
  return intakeDb(db)
    .selectFrom('import_batches')
    .select(['id', 'file_name as fileName', 'operator', 'created_at as at'])
    .where('file_sha256', '=', sha256)
    .orderBy('id', 'asc')
    .executeTakeFirst();
}

interface ImportBatchRow {
  fileName: string;
  sha256: string;
  mapping: unknown;
  counts: Record<string, number>;
  operator: string;
}

export async function insertImportBatch(trx: Db, batch: ImportBatchRow, at: string): Promise<number> {
  const row = await intakeDb(trx)
    .insertInto('import_batches')
    .values({ file_name: batch.fileName, file_sha256: batch.sha256, mapping: JSON.stringify(batch.mapping), counts: JSON.stringify(batch.counts), operator: batch.operator, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ImportRowWrite {
  rowNumber: number;
  rowHash: string;
  personId: number;
  outcome: 'imported' | 'updated';
}

/** One statement per chunk, so a batch of thousands of rows stays far below SQLite's bound-value limit. */
export async function insertImportRows(trx: Db, batchId: number, rows: readonly ImportRowWrite[]): Promise<void> {
  const columns = (r: ImportRowWrite) => ({ batch_id: batchId, row_number: r.rowNumber, row_hash: r.rowHash, person_id: r.personId, outcome: r.outcome });
  await runChunked(trx, rows, CHUNK, (part) => intakeDb(trx).insertInto('import_rows').values(part.map(columns)), (r) => Object.values(columns(r)));
}
