import type BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../db/migrations';
import { migrate } from '../db/migrations.repo';
import { openSqlite } from '../db/sqlite.repo';

let dir: string;
let sqlite: BetterSqlite3.Database;
const NOW = '2026-11-28T15:00:00.000Z';

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hmis-migrate-003-'));
  sqlite = openSqlite(path.join(dir, 'hmis.sqlite'));
  migrate(sqlite, MIGRATIONS.filter((m) => m.version < 3), NOW);
  sqlite.prepare(`INSERT INTO agencies (name, created_at, updated_at) VALUES ('Delta Recovery Services', ?, ?)`).run(NOW, NOW);
  sqlite.prepare(`INSERT INTO access_levels (name, includes_assessments, training_sets, sort_order) VALUES ('Read Only', 0, '["New User"]', 10)`).run();
});
afterEach(() => {
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

const insertPerson = (email: string, type = 'new_user') =>
  sqlite
    .prepare(
      `INSERT INTO people (first_name, last_name, email, agency_id, access_level_id, request_type, registered_on, created_at, updated_at)
       VALUES ('Ngozi', 'Okafor', ?, 1, 1, ?, '2026-11-01', ?, ?)`,
    )
    .run(email, type, NOW, NOW);

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
