import type BetterSqlite3 from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../db/migrations';
import { migrate } from '../db/migrations.repo';
import { checkIntegrity } from '../db/sqlite.repo';
import { databaseBeforeMigration, MIGRATION_NOW } from '../test-support/migrated-database';

const NOW = MIGRATION_NOW;
const database = databaseBeforeMigration(6);
/** Up to this migration only: later ones change these tables on purpose. */
const THROUGH_006 = MIGRATIONS.filter((m) => m.version <= 6);
let sqlite: BetterSqlite3.Database;

/** A database at version 5 with people, documents, a quiz and attempts that pass, fail and await marking. */
beforeEach(() => {
  sqlite = database();
  const person = sqlite.prepare(
    `INSERT INTO people (first_name, last_name, email, agency_id, access_level_id, request_type, registered_on, created_at, updated_at) VALUES ('P', ?, ?, 1, 1, ?, '2026-11-01', ?, ?)`,
  );
  person.run('Okafor', 'n@delta.example.org', 'new_user', NOW, NOW);
  person.run('Herrera', 't@delta.example.org', 'deactivation', NOW, NOW);
  person.run('Nguyen', 'l@delta.example.org', 'change_access', NOW, NOW);
  const doc = sqlite.prepare(`INSERT INTO documents (person_id, kind, status, file_name, file_sha256, file_size, page_count, findings, form_values, uploaded_at, uploaded_by, reviewed_at, reviewed_by)
    VALUES (?, ?, ?, 'f.pdf', ?, 10, 1, '[]', '{}', ?, 'x', ?, ?)`);
  doc.run(1, 'staff_verification', 'accepted', 'a'.repeat(64), NOW, NOW, 'x');
  doc.run(1, 'end_user_agreement', 'accepted', 'b'.repeat(64), NOW, NOW, 'x');
  doc.run(3, 'staff_verification', 'in_review', 'c'.repeat(64), NOW, null, null);
  sqlite.prepare(`INSERT INTO quizzes (title, kind, directions, created_at, updated_at) VALUES ('Q', 'new_user', '', ?, ?)`).run(NOW, NOW);
  sqlite.prepare(`INSERT INTO quiz_versions (quiz_id, version, pass_mark, questions, max_score, created_at) VALUES (1, 1, 80, '[]', 10, ?)`).run(NOW);
  const attempt = sqlite.prepare(
    `INSERT INTO quiz_attempts (person_id, quiz_id, quiz_version_id, taken_on, source, answers, score, max_score, percent, passed, graded_at, updated_at) VALUES (?, 1, 1, '2026-11-28', 'hand', '{}', ?, 10, ?, ?, ?, ?)`,
  );
  attempt.run(1, 5, 50, 0, '2026-11-20T10:00:00.000Z', NOW);
  attempt.run(1, 9, 90, 1, '2026-11-21T10:00:00.000Z', NOW);
  attempt.run(3, 0, 0, null, '2026-11-22T10:00:00.000Z', NOW);
});

const plan = (query: string) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
const tables = () => ['people', 'documents', 'quiz_attempts'].map((t) => sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());

describe('migration 006 (stage indexes) with real rows', () => {
  it('keeps every row, and the stage facts are read from the new indexes', () => {
    const before = tables();
    expect(migrate(sqlite, THROUGH_006, NOW)).toEqual([6]);
    expect(tables()).toEqual(before);
    expect(checkIntegrity(sqlite)).toEqual({ ok: true, problems: [] });

    // The partial index holds the passing attempts only: failed and unmarked ones never decide a stage.
    const passers = `SELECT person_id, graded_at FROM quiz_attempts WHERE passed = 1`;
    expect(plan(passers)).toMatch(/COVERING INDEX quiz_attempts_passed/);
    expect(sqlite.prepare(passers).all()).toEqual([{ person_id: 1, graded_at: '2026-11-21T10:00:00.000Z' }]);
    const outstanding = `SELECT 1 FROM quiz_attempts WHERE person_id = 1 AND quiz_id = 1 AND passed = 1 AND graded_at >= '2026-11-01'`;
    expect(plan(outstanding)).toMatch(/COVERING INDEX quiz_attempts_passed \(person_id=\? AND quiz_id=\? AND graded_at>\?\)/);

    const inReview = `SELECT person_id FROM documents WHERE status = 'in_review'`;
    expect(plan(inReview)).toMatch(/COVERING INDEX documents_by_status_person \(status=\?\)/);
    expect(sqlite.prepare(inReview).all()).toEqual([{ person_id: 3 }]);

    const staying = `SELECT count(*) AS n FROM people WHERE request_type <> 'deactivation'`;
    expect(plan(staying)).toMatch(/COVERING INDEX people_by_request_type/);
    expect(sqlite.prepare(staying).get()).toEqual({ n: 2 });
  });

  it('keeps the indexes up to date as rows change after it', () => {
    migrate(sqlite, THROUGH_006, NOW);
    sqlite.prepare(`UPDATE quiz_attempts SET passed = 1 WHERE person_id = 3`).run();
    sqlite.prepare(`UPDATE documents SET status = 'accepted', reviewed_at = ?, reviewed_by = 'x' WHERE person_id = 3`).run(NOW);
    sqlite.prepare(`UPDATE people SET request_type = 'deactivation' WHERE id = 1`).run();
    expect(sqlite.prepare(`SELECT DISTINCT person_id FROM quiz_attempts WHERE passed = 1 ORDER BY person_id`).all()).toEqual([{ person_id: 1 }, { person_id: 3 }]);
    expect(sqlite.prepare(`SELECT person_id FROM documents WHERE status = 'in_review'`).all()).toEqual([]);
    expect(sqlite.prepare(`SELECT count(*) AS n FROM people WHERE request_type <> 'deactivation'`).get()).toEqual({ n: 1 });
    expect(checkIntegrity(sqlite)).toEqual({ ok: true, problems: [] });
  });
});
