import type BetterSqlite3 from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../db/migrations';
import { migrate } from '../db/migrations.repo';
import { checkIntegrity } from '../db/sqlite.repo';
import { databaseBeforeMigration, insertMigrationPerson, MIGRATION_NOW } from '../test-support/migrated-database';

const NOW = MIGRATION_NOW;
const database = databaseBeforeMigration(7);
let sqlite: BetterSqlite3.Database;
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;

interface Ids {
  waiting: number;
  inReview: number;
  accepted: number;
  trained: number;
  passed: number;
  active: number;
  leaving: number;
}

/** A database at version 6 with one person at each stage, each put there by the rows a real office has. */
function arrange(): Ids {
  const person = (email: string, requestType = 'new_user') => insertMigrationPerson(sqlite, email, { lastName: email.split('@')[0], requestType });
  const ids: Ids = {
    waiting: person('waiting@delta.example.org'),
    inReview: person('review@delta.example.org'),
    accepted: person('accepted@delta.example.org'),
    trained: person('trained@delta.example.org'),
    passed: person('passed@delta.example.org'),
    active: person('active@delta.example.org', 'change_access'),
    leaving: person('leaving@delta.example.org', 'deactivation'),
  };
  let sha = 0;
  const doc = (personId: number, kind: string, status: string) =>
    Number(
      sqlite
        .prepare(`INSERT INTO documents (person_id, kind, status, file_name, file_sha256, file_size, page_count, findings, form_values, uploaded_at, uploaded_by, reviewed_at, reviewed_by)
          VALUES (?, ?, ?, 'f.pdf', ?, 10, 1, '[]', '{}', ?, 'x', ?, ?)`)
        .run(personId, kind, status, String((sha += 1)).padStart(64, '0'), at(1), status === 'in_review' ? null : at(2), status === 'in_review' ? null : 'x').lastInsertRowid,
    );
  doc(ids.waiting, 'staff_verification', 'replaced'); // history only: still no form on file
  doc(ids.inReview, 'staff_verification', 'accepted');
  doc(ids.inReview, 'end_user_agreement', 'in_review');
  for (const id of [ids.accepted, ids.trained, ids.passed, ids.active, ids.leaving]) {
    doc(id, 'staff_verification', 'accepted');
    doc(id, 'end_user_agreement', 'accepted');
  }
  sqlite.prepare(`INSERT INTO quizzes (title, kind, directions, created_at, updated_at) VALUES ('Q', 'new_user', '', ?, ?)`).run(NOW, NOW);
  sqlite.prepare(`INSERT INTO quiz_versions (quiz_id, version, pass_mark, questions, max_score, created_at) VALUES (1, 1, 80, '[]', 10, ?)`).run(NOW);
  for (const id of [ids.trained, ids.passed, ids.active]) {
    const send = sqlite.prepare(`INSERT INTO training_sends (person_id, access_level_id, material_titles, sent_at) VALUES (?, 1, '[]', ?)`).run(id, at(3));
    sqlite.prepare(`INSERT INTO training_send_quizzes (send_id, quiz_id) VALUES (?, 1)`).run(send.lastInsertRowid);
  }
  const attempt = sqlite.prepare(
    `INSERT INTO quiz_attempts (person_id, quiz_id, quiz_version_id, taken_on, source, answers, score, max_score, percent, passed, graded_at, updated_at) VALUES (?, 1, 1, '2026-11-04', 'hand', '{}', ?, 10, ?, ?, ?, ?)`,
  );
  attempt.run(ids.trained, 5, 50, 0, at(4), NOW);
  attempt.run(ids.passed, 9, 90, 1, at(4), NOW);
  attempt.run(ids.active, 9, 90, 1, at(4), NOW);
  sqlite.prepare(`INSERT INTO credentials (person_id, username, certified_on, new_password, issued_at) VALUES (?, 'active', '2026-11-04', 1, ?)`).run(ids.active, at(5));
  return ids;
}

const stored = () => sqlite.prepare(`SELECT id, stage, current_forms AS forms FROM people ORDER BY id`).all() as { id: number; stage: string; forms: number }[];
const stageOf = (id: number) => stored().find((p) => p.id === id);
const plan = (query: string) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
const FACT_TABLES = ['people', 'documents', 'training_sends', 'training_send_quizzes', 'quiz_attempts', 'credentials'];
const tables = () => FACT_TABLES.map((t) => sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all() as Record<string, unknown>[]);

let ids: Ids;
beforeEach(() => {
  sqlite = database();
  ids = arrange();
});

describe('migration 007 (stored stage) with real rows', () => {
  it('keeps every row and gives each person the stage and forms count of their facts', () => {
    const before = tables();
    // Up to 007 only: later migrations add columns and tables (008: recertification, 009: attempt void).
    expect(migrate(sqlite, MIGRATIONS.filter((m) => m.version <= 7), NOW)).toEqual([7]);
    const [people, ...facts] = tables();
    expect(facts).toEqual(before.slice(1));
    expect(people?.map(({ stage: _s, current_forms: _f, ...row }) => row)).toEqual(before[0]);
    expect(stored()).toEqual([
      { id: ids.waiting, stage: 'awaiting_documents', forms: 0 },
      { id: ids.inReview, stage: 'documents_in_review', forms: 2 },
      { id: ids.accepted, stage: 'documents_accepted', forms: 2 },
      { id: ids.trained, stage: 'training_sent', forms: 2 },
      { id: ids.passed, stage: 'quiz_passed', forms: 2 },
      { id: ids.active, stage: 'active', forms: 2 },
      { id: ids.leaving, stage: 'deactivation_requested', forms: 2 },
    ]);
    expect(checkIntegrity(sqlite)).toEqual({ ok: true, problems: [] });
  });

  it('answers each queue page and count from an index range, never per-person subqueries', () => {
    migrate(sqlite, MIGRATIONS, NOW);
    expect(plan(`SELECT id FROM people p WHERE p.stage = 'quiz_passed' ORDER BY p.registered_on, p.id LIMIT 100`)).toMatch(/INDEX people_by_stage_registered \(stage=\?\)/);
    expect(plan(`SELECT id FROM people p WHERE p.stage = 'active' ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id LIMIT 100`)).toMatch(/INDEX people_by_stage_name \(stage=\?\)/);
    expect(plan(`SELECT count(*) FROM people p WHERE p.stage = 'active'`)).toMatch(/COVERING INDEX people_by_stage_\w+ \(stage=\?\)/);
    const missing = `SELECT id FROM people p WHERE p.current_forms < 2 AND p.request_type <> 'deactivation' ORDER BY p.registered_on DESC, p.id DESC LIMIT 100`;
    expect(plan(missing)).toMatch(/INDEX people_missing_forms/);
    expect(sqlite.prepare(missing).all()).toEqual([{ id: ids.waiting }]);
    expect(plan(`SELECT * FROM people p ORDER BY p.stage, p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id LIMIT 100`)).not.toMatch(/TEMP B-TREE/);
    const rejected = plan(`SELECT d.id FROM documents d WHERE d.status = 'rejected' ORDER BY d.reviewed_at DESC, d.id DESC LIMIT 100`);
    expect(rejected).toMatch(/INDEX documents_by_status_reviewed \(status=\?\)/);
    expect(rejected).not.toMatch(/TEMP B-TREE/);
  });

  it('refreshes the stage in the same statement as each fact written after it, whoever writes it', () => {
    migrate(sqlite, MIGRATIONS, NOW);
    const run = (statement: string, ...params: unknown[]) => sqlite.prepare(statement).run(...params);
    run(`UPDATE documents SET status = 'accepted', reviewed_at = ?, reviewed_by = 'x' WHERE person_id = ? AND status = 'in_review'`, NOW, ids.inReview);
    expect(stageOf(ids.inReview)).toMatchObject({ stage: 'documents_accepted', forms: 2 });
    run(`UPDATE quiz_attempts SET passed = 1 WHERE person_id = ?`, ids.trained);
    expect(stageOf(ids.trained)?.stage).toBe('quiz_passed');
    run(`DELETE FROM credentials WHERE person_id = ?`, ids.active);
    expect(stageOf(ids.active)?.stage).toBe('quiz_passed');
    run(`DELETE FROM quiz_attempts WHERE person_id = ? AND passed = 1`, ids.active);
    expect(stageOf(ids.active)?.stage).toBe('training_sent');
    run(`INSERT INTO training_sends (person_id, access_level_id, material_titles, sent_at) VALUES (?, 1, '[]', ?)`, ids.passed, at(6));
    expect(stageOf(ids.passed)?.stage).toBe('training_sent'); // a new round asks nothing yet, but no pass since it
    run(`UPDATE people SET request_type = 'new_user' WHERE id = ?`, ids.leaving);
    expect(stageOf(ids.leaving)?.stage).toBe('documents_accepted');
    // A merge repoints every fact to the survivor: both people are refreshed.
    run(`UPDATE documents SET person_id = ? WHERE person_id = ?`, ids.waiting, ids.accepted);
    expect([stageOf(ids.waiting), stageOf(ids.accepted)]).toEqual([
      { id: ids.waiting, stage: 'documents_accepted', forms: 2 },
      { id: ids.accepted, stage: 'awaiting_documents', forms: 0 },
    ]);
    const derived = sqlite.prepare(`SELECT person_id AS id, stage, current_forms AS forms FROM person_stage_derived ORDER BY person_id`).all();
    expect(stored()).toEqual(derived);
  });
});
