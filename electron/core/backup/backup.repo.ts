import type BetterSqlite3 from 'better-sqlite3';
import { STORED_FILE_HASHES_SQL } from '../files/stored-file-hashes';

/**
 * SQL on a database file that is not the open one: the snapshot a backup takes, the copy a restore
 * checks. Raw better-sqlite3, as the core's Kysely instance is bound to the live file.
 */

/** Rows in every table but SQLite's own and the search index's shadow tables: the manifest's counts. */
export function tableCounts(sqlite: BetterSqlite3.Database): Record<string, number> {
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name`).all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (sqlite.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n]));
}

/** The same files `fileReferences` names (documents, training materials, mail attachments), by hash. */
export function referencedFileHashes(sqlite: BetterSqlite3.Database): string[] {
  const rows = sqlite
    .prepare(STORED_FILE_HASHES_SQL)
    .all() as { sha256: string | null }[];
  return rows.flatMap((r) => (r.sha256 ? [r.sha256] : [])).sort();
}

export function schemaVersion(sqlite: BetterSqlite3.Database): number {
  return (sqlite.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
}

export function auditTail(sqlite: BetterSqlite3.Database): string | null {
  const row = sqlite.prepare('SELECT hash FROM audit ORDER BY id DESC LIMIT 1').get() as { hash: string | null } | undefined;
  return row?.hash ?? null;
}

export function integrityProblems(sqlite: BetterSqlite3.Database): string[] {
  const lines = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((line) => line !== 'ok');
  const orphans = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  return [...lines, ...orphans.map((o) => `Row ${o.rowid} of ${o.table} points to a missing ${o.parent} row.`)];
}

/** A self-contained copy: no -wal beside it, so the one file is the whole database. */
export function makeSelfContained(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = DELETE');
}

/**
 * True when no other connection has the file open: leaving WAL mode needs the database to
 * itself. The CLI's restore refuses to swap a database the app still has open.
 */
export function aloneOnDatabase(sqlite: BetterSqlite3.Database): boolean {
  try {
    const mode = (sqlite.pragma('journal_mode = DELETE', { simple: true }) as string).toLowerCase();
    sqlite.pragma('journal_mode = WAL');
    return mode === 'delete';
  } catch {
    return false;
  }
}
