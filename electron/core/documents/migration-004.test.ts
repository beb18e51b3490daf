import type BetterSqlite3 from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../db/migrations';
import { migrate } from '../db/migrations.repo';
import { databaseBeforeMigration, insertMigrationPerson, MIGRATION_NOW } from '../test-support/migrated-database';

const NOW = MIGRATION_NOW;
const SHA = (c: string) => c.repeat(64);
const database = databaseBeforeMigration(4);
let sqlite: BetterSqlite3.Database;

beforeEach(() => {
  sqlite = database();
  insertMigrationPerson(sqlite, 'n@x.org');
});

const insert = (status: string, sha: string, kind = 'staff_verification', reviewed: string | null = status === 'in_review' ? null : NOW) =>
  sqlite
    .prepare(`INSERT INTO documents (person_id, kind, status, file_name, file_sha256, file_size, page_count, findings, form_values, uploaded_at, uploaded_by, reviewed_at, reviewed_by)
      VALUES (1, ?, ?, 'sv.pdf', ?, 100, 1, '[]', '{}', ?, 'staff', ?, ?)`)
    .run(kind, status, sha, NOW, reviewed, reviewed && 'staff');

describe('migration 004 (documents) with real rows', () => {
  it('keeps the people already on the list, and takes their documents afterwards', () => {
    migrate(sqlite, MIGRATIONS, NOW);
    expect(sqlite.prepare('SELECT email FROM people').all()).toEqual([{ email: 'n@x.org' }]);
    insert('rejected', SHA('a'));
    insert('in_review', SHA('b'), 'end_user_agreement');
    expect(sqlite.prepare('SELECT kind, status FROM documents ORDER BY id').all()).toEqual([
      { kind: 'staff_verification', status: 'rejected' },
      { kind: 'end_user_agreement', status: 'in_review' },
    ]);
  });

  it('holds one row per file, one current form per kind, and consistent review facts', () => {
    migrate(sqlite, MIGRATIONS, NOW);
    insert('rejected', SHA('a'));
    expect(() => insert('in_review', SHA('a'), 'end_user_agreement')).toThrow(/UNIQUE constraint failed: documents.file_sha256/);
    expect(() => insert('in_review', SHA('c'))).toThrow(/UNIQUE constraint failed: documents.person_id, documents.kind/);
    sqlite.prepare(`UPDATE documents SET status = 'replaced' WHERE id = 1`).run();
    insert('in_review', SHA('c'));
    expect(() => insert('accepted', SHA('d'), 'end_user_agreement', null)).toThrow(/CHECK constraint failed/);
    expect(() => insert('kept', SHA('e'), 'end_user_agreement')).toThrow(/CHECK constraint failed/);
    expect(() => sqlite.prepare(`UPDATE documents SET person_id = 99 WHERE id = 1`).run()).toThrow(/FOREIGN KEY constraint failed/);
  });
});
