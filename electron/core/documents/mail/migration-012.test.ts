import type BetterSqlite3 from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { migrate } from '../../db/migrations.repo';
import { databaseBeforeMigration, insertMigrationPerson, MIGRATION_NOW } from '../../test-support/migrated-database';

const NOW = MIGRATION_NOW;
const SHA = (c: string) => c.repeat(64);
const database = databaseBeforeMigration(12);
let sqlite: BetterSqlite3.Database;

beforeEach(() => {
  sqlite = database();
  insertMigrationPerson(sqlite, 'n@x.org');
  sqlite
    .prepare(`INSERT INTO documents (person_id, kind, status, file_name, file_sha256, file_size, page_count, findings, form_values, uploaded_at, uploaded_by)
      VALUES (1, 'staff_verification', 'in_review', 'sv.pdf', ?, 100, 1, '[]', '{}', ?, 'staff')`)
    .run(SHA('a'), NOW);
});

const insertMessage = (sha: string, format = 'eml') =>
  sqlite.prepare(`INSERT INTO document_messages (file_name, file_sha256, file_size, format, from_address, to_addrs, received_at, received_by) VALUES ('m.eml', ?, 10, ?, 's@x.org', '[]', ?, 'staff')`).run(sha, format, NOW);

describe('migration 012 (documents from email) with real rows', () => {
  it('keeps the documents already attached, as ones that came in no message', () => {
    migrate(sqlite, MIGRATIONS, NOW);
    expect(sqlite.prepare('SELECT file_name, message_id FROM documents').all()).toEqual([{ file_name: 'sv.pdf', message_id: null }]);
    const message = insertMessage(SHA('m'));
    sqlite.prepare('UPDATE documents SET message_id = ? WHERE id = 1').run(message.lastInsertRowid);
    expect(sqlite.prepare('SELECT m.from_address AS sender FROM documents d JOIN document_messages m ON m.id = d.message_id').all()).toEqual([{ sender: 's@x.org' }]);
  });

  it('holds one row per message file and per file to sort, and only real messages', () => {
    migrate(sqlite, MIGRATIONS, NOW);
    insertMessage(SHA('m'));
    expect(() => insertMessage(SHA('m'))).toThrow(/UNIQUE constraint failed: document_messages.file_sha256/);
    expect(() => insertMessage(SHA('n'), 'pst')).toThrow(/CHECK constraint failed/);
    expect(() => sqlite.prepare('UPDATE documents SET message_id = 99 WHERE id = 1').run()).toThrow(/FOREIGN KEY constraint failed/);
    const toSort = sqlite.prepare(`INSERT INTO documents_to_sort (file_name, file_sha256, file_size, message_id, recognition, source, added_at, added_by) VALUES ('x.pdf', ?, 5, NULL, '{}', 'x.pdf', ?, 'staff')`);
    toSort.run(SHA('s'), NOW);
    expect(() => toSort.run(SHA('s'), NOW)).toThrow(/UNIQUE constraint failed: documents_to_sort.file_sha256/);
  });
});
