import type BetterSqlite3 from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../db/migrations';
import { migrate } from '../db/migrations.repo';
import { checkIntegrity } from '../db/sqlite.repo';
import { databaseBeforeMigration, insertMigrationPerson, MIGRATION_NOW } from '../test-support/migrated-database';

const NOW = MIGRATION_NOW;
const database = databaseBeforeMigration(10);
let sqlite: BetterSqlite3.Database;
beforeEach(() => {
  sqlite = database();
});

const people = () => sqlite.prepare(`SELECT id, stage, recert_due_on, last_name FROM people ORDER BY id`).all();
const plan = (query: string) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 010 (recertification indexes) with real rows', () => {
  it('keeps every person and request as they were, and the queues read the new indexes', () => {
    const certified = insertMigrationPerson(sqlite, 'certified@delta.example.org', { lastName: 'Certified' });
    const leaving = insertMigrationPerson(sqlite, 'leaving@delta.example.org', { lastName: 'Leaving', requestType: 'deactivation' });
    sqlite.prepare(`INSERT INTO credentials (person_id, username, certified_on, new_password, issued_at) VALUES (?, 'ucert', '2026-11-02', 0, ?)`).run(certified, NOW);
    const before = people();
    const requests = sqlite.prepare(`SELECT * FROM person_requests ORDER BY id`).all();
    expect(before).toMatchObject([{ id: certified, stage: 'active', recert_due_on: '2027-11-02' }, { id: leaving, stage: 'deactivation_requested' }]);

    // Up to 010 only: later migrations add indexes of their own, which the plans below would pick.
    expect(migrate(sqlite, MIGRATIONS.filter((m) => m.version <= 10), NOW)).toEqual([10]);
    expect(people()).toEqual(before);
    expect(sqlite.prepare(`SELECT * FROM person_requests ORDER BY id`).all()).toEqual(requests);
    expect(checkIntegrity(sqlite)).toEqual({ ok: true, problems: [] });

    expect(plan(`SELECT p.id FROM people AS p WHERE p.stage = 'active' AND p.recert_due_on >= '2027-10-01' AND p.recert_due_on <= '2027-12-01'
      ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id LIMIT 100`)).toContain('COVERING INDEX people_by_stage_due_name');
    expect(plan(`SELECT max(r.created_at) FROM person_requests AS r WHERE r.person_id = 1 AND r.type = 'deactivation' AND r.status IN ('open', 'in_progress')`)).toContain(
      'person_requests_open_deactivation',
    );
  });
});
