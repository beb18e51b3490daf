import type BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { MIGRATIONS } from '../db/migrations';
import { migrate } from '../db/migrations.repo';
import { openSqlite } from '../db/sqlite.repo';

export const MIGRATION_NOW = '2026-11-28T15:00:00.000Z';

/**
 * For a migration's test: each test gets a real SQLite file migrated up to (not including)
 * `version`, holding one agency and one access level, so the test inserts real rows and then
 * migrates them across. Returns a getter for the open database.
 */
export function databaseBeforeMigration(version: number): () => BetterSqlite3.Database {
  let dir = '';
  let sqlite: BetterSqlite3.Database | null = null;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), `hmis-migrate-${version}-`));
    sqlite = openSqlite(path.join(dir, 'hmis.sqlite'));
    migrate(sqlite, MIGRATIONS.filter((m) => m.version < version), MIGRATION_NOW);
    sqlite.prepare(`INSERT INTO agencies (name, created_at, updated_at) VALUES ('Delta Recovery Services', ?, ?)`).run(MIGRATION_NOW, MIGRATION_NOW);
    sqlite.prepare(`INSERT INTO access_levels (name, includes_assessments, training_sets, sort_order) VALUES ('Read Only', 0, '["New User"]', 10)`).run();
  });
  afterEach(() => {
    sqlite?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!sqlite) throw new Error('The migration database exists only inside a test');
    return sqlite;
  };
}

/** A person at the agency and level above; returns their id. */
export function insertMigrationPerson(sqlite: BetterSqlite3.Database, email: string, values: { lastName?: string; requestType?: string } = {}): number {
  const result = sqlite
    .prepare(
      `INSERT INTO people (first_name, last_name, email, agency_id, access_level_id, request_type, registered_on, created_at, updated_at)
       VALUES ('Ngozi', ?, ?, 1, 1, ?, '2026-11-01', ?, ?)`,
    )
    .run(values.lastName ?? 'Okafor', email, values.requestType ?? 'new_user', MIGRATION_NOW, MIGRATION_NOW);
  return Number(result.lastInsertRowid);
}
