import type BetterSqlite3 from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../db/migrations';
import { migrate } from '../db/migrations.repo';
import { databaseBeforeMigration, insertMigrationPerson, MIGRATION_NOW } from '../test-support/migrated-database';

const NOW = MIGRATION_NOW;
const database = databaseBeforeMigration(3);
let sqlite: BetterSqlite3.Database;

beforeEach(() => {
  sqlite = database();
});

const insertPerson = (email: string, requestType = 'new_user') => insertMigrationPerson(sqlite, email, { requestType });

describe('migration 003 (intake) with real rows', () => {
  it('gives every person already on the list their request, open, dated when they were registered', () => {
    insertPerson('a@delta.example.org');
    insertPerson('b@delta.example.org', 'deactivation');
    migrate(sqlite, MIGRATIONS, NOW);
    expect(sqlite.prepare('SELECT person_id, type, status, access_level_id, agency_id, created_at FROM person_requests ORDER BY id').all()).toEqual([
      { person_id: 1, type: 'new_user', status: 'open', access_level_id: 1, agency_id: 1, created_at: NOW },
      { person_id: 2, type: 'deactivation', status: 'open', access_level_id: 1, agency_id: 1, created_at: NOW },
    ]);
  });

  it('opens the registration request for people added after it, and checks what it stores', () => {
    migrate(sqlite, MIGRATIONS, NOW);
    insertPerson('c@delta.example.org', 'change_access');
    expect(sqlite.prepare('SELECT type FROM person_requests').all()).toEqual([{ type: 'change_access' }]);
    expect(() => sqlite.prepare(`UPDATE person_requests SET status = 'completed'`).run()).toThrow(/CHECK constraint failed/);
    expect(() => sqlite.prepare(`INSERT INTO import_rows VALUES (99, 2, ?, 1, 'imported')`).run('a'.repeat(64))).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => sqlite.prepare(`INSERT INTO not_duplicates VALUES (1, 1, ?)`).run(NOW)).toThrow(/CHECK constraint failed/);
  });
});
