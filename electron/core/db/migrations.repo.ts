import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/app-error';
import type { Migration } from './migration';

function checksumOf(migration: Migration): string {
  // Migrations without `sqlAfter` keep the checksum they landed with.
  return createHash('sha256').update(migration.sqlAfter === undefined ? migration.sql : `${migration.sql}\n${migration.sqlAfter}`).digest('hex');
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Brings the database up to the newest migration. Refuses (and changes nothing) when a landed
 * migration was edited or the file was written by a newer version of the app.
 */
export function migrate(sqlite: BetterSqlite3.Database, migrations: readonly Migration[], nowIso: string): number[] {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = sqlite.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as AppliedRow[];
  verifyApplied(applied, migrations);

  const done = new Set(applied.map((row) => row.version));
  const record = sqlite.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  const ran: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(migration.version)) continue;
    sqlite.transaction(() => {
      sqlite.exec(migration.sql);
      migration.run?.(sqlite);
      if (migration.sqlAfter !== undefined) sqlite.exec(migration.sqlAfter);
      record.run(migration.version, migration.name, checksumOf(migration), nowIso);
    })();
    ran.push(migration.version);
  }
  return ran;
}

function verifyApplied(applied: AppliedRow[], migrations: readonly Migration[]): void {
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const row of applied) {
    const migration = known.get(row.version);
    if (!migration) {
      throw new AppError(
        'conflict',
        `This data was last opened by a newer version of HMIS Access Desk (database version ${row.version}). Install the newer version to open it.`,
      );
    }
    if (checksumOf(migration) !== row.checksum) {
      throw new AppError(
        'internal',
        `Database migration ${row.version} (${row.name}) differs from the one applied to this file. The app refuses to continue so no data is damaged; contact support.`,
      );
    }
  }
}
