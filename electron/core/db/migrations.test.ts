import type BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations';
import { migrate } from './migrations.repo';
import type { Migration } from './migration';
import { openSqlite } from './sqlite.repo';

let dir: string;
let sqlite: BetterSqlite3.Database;
const NOW = '2026-11-28T15:00:00.000Z';

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hmis-migrate-'));
  sqlite = openSqlite(path.join(dir, 'hmis.sqlite'));
});
afterEach(() => {
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version);

describe('migration runner', () => {
  it('applies every migration once, in order, and nothing on a second run', () => {
    expect(migrate(sqlite, MIGRATIONS, NOW)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(sqlite, MIGRATIONS, NOW)).toEqual([]);
  });

  it('refuses a landed migration whose text was edited, and changes nothing', () => {
    migrate(sqlite, upTo(1), NOW);
    const edited: Migration[] = upTo(1).map((m) => ({ ...m, sql: `${m.sql}\n-- edited` }));
    expect(() => migrate(sqlite, edited, NOW)).toThrow(/Database migration 1 \(initial\) differs/);
  });

  it('refuses a file written by a newer version of the app', () => {
    const future: Migration = { version: 999, name: 'future', sql: 'CREATE TABLE future (x INTEGER) STRICT;' };
    migrate(sqlite, [...MIGRATIONS, future], NOW);
    expect(() => migrate(sqlite, MIGRATIONS, NOW)).toThrow(/newer version of HMIS Access Desk \(database version 999\)/);
  });

  it('rolls back a migration that fails half way: no table from it remains', () => {
    const broken: Migration = { version: 998, name: 'broken', sql: 'CREATE TABLE half (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);' };
    expect(() => migrate(sqlite, [...MIGRATIONS, broken], NOW)).toThrow(/no such table: nowhere/);
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(sqlite.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: MIGRATIONS.at(-1)?.version });
  });
});

describe('migration 001 (initial) with real rows', () => {
  beforeEach(() => {
    migrate(sqlite, upTo(1), NOW);
    sqlite.prepare(`INSERT INTO agencies (name, created_at, updated_at) VALUES ('Delta Recovery Services', ?, ?)`).run(NOW, NOW);
    sqlite.prepare(`INSERT INTO access_levels (name, includes_assessments, training_sets, sort_order) VALUES ('Read Only', 0, '["New User"]', 10)`).run();
  });
  const insertPerson = (email: string, extra: Record<string, unknown> = {}) =>
    sqlite
      .prepare(
        `INSERT INTO people (first_name, last_name, email, agency_id, access_level_id, request_type, registered_on, created_at, updated_at)
         VALUES (@first, 'Okafor', @email, 1, 1, @type, @registered, @now, @now)`,
      )
      .run({ first: 'Ngozi', email, type: 'new_user', registered: '2026-11-01', now: NOW, ...extra });

  it('keeps emails unique regardless of letter case', () => {
    insertPerson('ngozi.okafor@delta.example.org');
    expect(() => insertPerson('NGOZI.Okafor@Delta.example.org')).toThrow(/UNIQUE constraint failed/);
  });

  it('checks request types, dates and references', () => {
    expect(() => insertPerson('a@b.org', { type: 'promotion' })).toThrow(/CHECK constraint failed/);
    expect(() => insertPerson('a@b.org', { registered: '11/01/2026' })).toThrow(/CHECK constraint failed/);
    insertPerson('c@d.org');
    expect(() => sqlite.prepare(`UPDATE people SET agency_id = 42`).run()).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('keeps the search index in step with people and agency renames', () => {
    insertPerson('ngozi.okafor@delta.example.org');
    const search = (q: string) => sqlite.prepare(`SELECT rowid FROM people_fts WHERE people_fts MATCH ?`).all(q);
    expect(search('"ngoz"*')).toHaveLength(1);
    sqlite.prepare(`UPDATE agencies SET name = 'Riverbend Housing' WHERE id = 1`).run();
    expect(search('"riverbend"*')).toHaveLength(1);
    expect(search('agency_name:"delta"*')).toHaveLength(0);
    sqlite.prepare(`DELETE FROM people`).run();
    expect(search('"ngoz"*')).toHaveLength(0);
  });
});
