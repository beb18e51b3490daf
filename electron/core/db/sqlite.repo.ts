import BetterSqlite3 from 'better-sqlite3';

/**
 * The SQLite-only settings, in one place so a later PostgreSQL backend replaces just this.
 * WAL lets the app, a CLI run from Task Scheduler and a backup read while one writes;
 * synchronous=FULL because losing a signed document's record on power loss is worse than speed.
 */
export function openSqlite(file: string, nativeBinding?: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, nativeBinding ? { nativeBinding } : {});
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -32000');
  sqlite.pragma('temp_store = MEMORY');
  return sqlite;
}

/**
 * A second, read-only connection on a file `openSqlite` already opened in WAL mode: the reads of
 * other calls run on it while a long import holds the write connection (routing-dialect.repo.ts).
 * Read-only at the file level, so a write routed here by mistake fails instead of slipping past
 * the write lock.
 */
export function openSqliteReader(file: string, nativeBinding?: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -32000');
  sqlite.pragma('temp_store = MEMORY');
  return sqlite;
}

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
}

/** `PRAGMA integrity_check` plus `foreign_key_check`, as sentences. */
export function checkIntegrity(sqlite: BetterSqlite3.Database): IntegrityReport {
  const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const problems = integrity.filter((line) => line !== 'ok');
  const orphans = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const orphan of orphans) {
    problems.push(`Row ${orphan.rowid} of ${orphan.table} points to a missing ${orphan.parent} row.`);
  }
  return { ok: problems.length === 0, problems };
}

/** True for SQLite's UNIQUE constraint failure, which a concurrent writer can still cause after our own check. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}
