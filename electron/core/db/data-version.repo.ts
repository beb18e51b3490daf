import type BetterSqlite3 from 'better-sqlite3';

/**
 * SQLite's `PRAGMA data_version`: a number that changes when another connection (the CLI run by
 * Task Scheduler, a script attaching documents) commits to this file, and never for our own
 * commits. The one SQLite-only function behind "the open app sees what the CLI wrote"; a shared
 * PostgreSQL database would use LISTEN/NOTIFY here instead.
 */
export function readDataVersion(sqlite: BetterSqlite3.Database): number {
  return sqlite.pragma('data_version', { simple: true }) as number;
}
