import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../db/migrations';
import { migrate } from '../db/migrations.repo';
import { checkIntegrity } from '../db/sqlite.repo';
import { databaseBeforeMigration, insertMigrationPerson, MIGRATION_NOW } from '../test-support/migrated-database';

const database = databaseBeforeMigration(11);
const plan = (sqlite: ReturnType<typeof database>, query: string, ...args: unknown[]) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...args) as { detail: string }[]).map((r) => r.detail).join('\n');

describe('migration 011 (report indexes)', () => {
  it('keeps every row and lets the reports read their counts and the audit range from indexes', () => {
    const sqlite = database();
    const ids = [insertMigrationPerson(sqlite, 'a@delta.example.org'), insertMigrationPerson(sqlite, 'b@delta.example.org', { requestType: 'deactivation' })];
    sqlite.prepare(`INSERT INTO audit (at, operator, action, entity, entity_id) VALUES (?, 'j.rivera', 'person.registered', 'person', ?)`).run(MIGRATION_NOW, ids[0]);
    sqlite.prepare(`INSERT INTO person_requests (person_id, type, status, created_at, updated_at) VALUES (?, 'deactivation', 'open', ?, ?)`).run(ids[1], MIGRATION_NOW, MIGRATION_NOW);
    const before = ['people', 'audit', 'person_requests'].map((t) => sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());

    migrate(sqlite, MIGRATIONS.filter((m) => m.version <= 11), MIGRATION_NOW);

    expect(['people', 'audit', 'person_requests'].map((t) => sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())).toEqual(before);
    expect(checkIntegrity(sqlite).ok).toBe(true);
    expect(sqlite.prepare(`SELECT stage, count(*) AS n FROM people GROUP BY stage ORDER BY stage`).all()).toEqual([
      { stage: 'awaiting_documents', n: 1 },
      { stage: 'deactivation_requested', n: 1 },
    ]);
    const indexes = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('people_by_agency_stage', 'people_by_stage_agency_due', 'audit_by_at', 'person_requests_by_person_type') ORDER BY name`).all();
    expect(indexes).toEqual([{ name: 'audit_by_at' }, { name: 'people_by_agency_stage' }, { name: 'people_by_stage_agency_due' }, { name: 'person_requests_by_person_type' }]);
    // The activity report's newest page is read off the index in order, never sorted.
    expect(plan(sqlite, 'SELECT operator, count(*) FROM audit WHERE at >= ? AND at < ? GROUP BY operator', '2026-01-01', '2026-12-31~')).toContain('COVERING INDEX audit_by_at');
    expect(plan(sqlite, 'SELECT id FROM audit WHERE at >= ? ORDER BY at DESC, operator DESC, id DESC LIMIT 10', '2026-01-01')).not.toContain('TEMP B-TREE');
  });
});
