import type BetterSqlite3 from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../db/migrations';
import { migrate } from '../db/migrations.repo';
import { checkIntegrity } from '../db/sqlite.repo';
import { databaseBeforeMigration, insertMigrationPerson, MIGRATION_NOW } from '../test-support/migrated-database';
import { GENESIS_HASH, rowHash, type ChainRow } from './audit-chain';

const database = databaseBeforeMigration(13);
let sqlite: BetterSqlite3.Database;

/** Audit rows as an older version wrote them: with a gap in the ids (a row removed back then). */
function arrange() {
  const person = insertMigrationPerson(sqlite, 'ngozi@delta.example.org');
  const insert = sqlite.prepare(`INSERT INTO audit (id, at, operator, action, entity, entity_id, before, after, note) VALUES (?, ?, 'maria', ?, 'person', ?, ?, ?, ?)`);
  insert.run(1, MIGRATION_NOW, 'person.registered', person, null, '{"email":"ngozi@delta.example.org"}', 'Registered from form.csv row 2');
  insert.run(2, MIGRATION_NOW, 'person.updated', person, '{"phone":null}', '{"phone":"(916) 555-0100"}', null);
  insert.run(4, MIGRATION_NOW, 'person.updated', person, '{"phone":"(916) 555-0100"}', '{"phone":null}', 'Cleared by request');
}

const rows = () => sqlite.prepare('SELECT * FROM audit ORDER BY id').all() as (ChainRow & { prev_hash: string; hash: string })[];

beforeEach(() => {
  sqlite = database();
  arrange();
});

describe('migration 013 (the audit hash chain) with real rows', () => {
  it('chains the rows already written in id order, keeping their contents', () => {
    const before = sqlite.prepare('SELECT * FROM audit ORDER BY id').all();
    expect(migrate(sqlite, MIGRATIONS, MIGRATION_NOW)).toEqual(MIGRATIONS.filter((m) => m.version >= 13).map((m) => m.version));
    const after = rows();
    expect(after.map(({ prev_hash: _p, hash: _h, ...row }) => row)).toEqual(before);
    let prev = GENESIS_HASH;
    for (const row of after) {
      expect(row.prev_hash).toBe(prev);
      expect(row.hash).toBe(rowHash(prev, row));
      prev = row.hash;
    }
    expect(checkIntegrity(sqlite)).toEqual({ ok: true, problems: [] });
  });

  it('then refuses to change or remove a row, and an insert that does not continue the chain', () => {
    migrate(sqlite, MIGRATIONS, MIGRATION_NOW);
    expect(() => sqlite.prepare(`UPDATE audit SET note = 'quietly' WHERE id = 2`).run()).toThrow('The audit trail is append-only: its rows cannot be changed.');
    expect(() => sqlite.prepare('DELETE FROM audit WHERE id = 2').run()).toThrow('The audit trail is append-only: its rows cannot be removed.');
    const tail = rows().at(-1)!;
    const insert = sqlite.prepare(`INSERT INTO audit (id, at, operator, action, entity, prev_hash, hash) VALUES (?, ?, 'x', 'x', 'setting', ?, ?)`);
    expect(() => sqlite.prepare(`INSERT INTO audit (at, operator, action, entity) VALUES (?, 'x', 'x', 'setting')`).run(MIGRATION_NOW)).toThrow(/must continue the chain/);
    expect(() => insert.run(5, MIGRATION_NOW, GENESIS_HASH, 'a'.repeat(64))).toThrow(/must continue the chain/);
    expect(() => insert.run(3, MIGRATION_NOW, tail.hash, 'a'.repeat(64))).toThrow(/must continue the chain/);
    expect(() => insert.run(5, MIGRATION_NOW, tail.hash, 'a'.repeat(64))).not.toThrow();
    expect(rows()).toHaveLength(4);
  });
});
