import type BetterSqlite3 from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../db/migrations';
import { migrate } from '../db/migrations.repo';
import { checkIntegrity } from '../db/sqlite.repo';
import { databaseBeforeMigration, insertMigrationPerson, MIGRATION_NOW } from '../test-support/migrated-database';

const NOW = MIGRATION_NOW;
const database = databaseBeforeMigration(9);
let sqlite: BetterSqlite3.Database;
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;

/** Two trainees before 009: one passed the quiz their training asked for, one failed it. */
function arrange() {
  const passed = insertMigrationPerson(sqlite, 'passed@delta.example.org', { lastName: 'Passed' });
  const failed = insertMigrationPerson(sqlite, 'failed@delta.example.org', { lastName: 'Failed' });
  sqlite.prepare(`INSERT INTO quizzes (title, kind, directions, created_at, updated_at) VALUES ('Q', 'new_user', '', ?, ?)`).run(NOW, NOW);
  sqlite.prepare(`INSERT INTO quiz_versions (quiz_id, version, pass_mark, questions, max_score, created_at) VALUES (1, 1, 80, '[]', 10, ?)`).run(NOW);
  for (const id of [passed, failed]) {
    const send = sqlite.prepare(`INSERT INTO training_sends (person_id, access_level_id, material_titles, sent_at) VALUES (?, 1, '[]', ?)`).run(id, at(3));
    sqlite.prepare(`INSERT INTO training_send_quizzes (send_id, quiz_id) VALUES (?, 1)`).run(send.lastInsertRowid);
  }
  const attempt = sqlite.prepare(
    `INSERT INTO quiz_attempts (person_id, quiz_id, quiz_version_id, taken_on, source, answers, score, max_score, percent, passed, graded_at, updated_at) VALUES (?, 1, 1, '2026-11-04', 'hand', '{}', ?, 10, ?, ?, ?, ?)`,
  );
  attempt.run(passed, 9, 90, 1, at(4), NOW);
  attempt.run(failed, 5, 50, 0, at(4), NOW);
  return { passed, failed };
}

const stageOf = (id: number) => (sqlite.prepare(`SELECT stage FROM people WHERE id = ?`).get(id) as { stage: string }).stage;
const attempts = () => sqlite.prepare(`SELECT * FROM quiz_attempts ORDER BY id`).all() as Record<string, unknown>[];
const voidAttempt = (personId: number, reason: string | null) =>
  sqlite.prepare(`UPDATE quiz_attempts SET voided_at = ?, voided_by = 'x', void_reason = ? WHERE person_id = ?`).run(NOW, reason, personId);

let ids: ReturnType<typeof arrange>;
beforeEach(() => {
  sqlite = database();
  ids = arrange();
});

describe('migration 009 (voided quiz attempts) with real rows', () => {
  it('keeps every attempt, not voided, and every stage as it was', () => {
    const before = attempts();
    expect([stageOf(ids.passed), stageOf(ids.failed)]).toEqual(['quiz_passed', 'training_sent']);
    // 009 and every later migration run (013 chains the audit, which has no rows here).
    expect(migrate(sqlite, MIGRATIONS, NOW)).toEqual(MIGRATIONS.filter((m) => m.version >= 9).map((m) => m.version));
    expect(attempts()).toEqual(before.map((a) => ({ ...a, voided_at: null, voided_by: null, void_reason: null })));
    expect([stageOf(ids.passed), stageOf(ids.failed)]).toEqual(['quiz_passed', 'training_sent']);
    expect(checkIntegrity(sqlite)).toEqual({ ok: true, problems: [] });
  });

  it('refreshes the stored stage when a passing attempt is voided, whoever writes it', () => {
    migrate(sqlite, MIGRATIONS, NOW);
    voidAttempt(ids.passed, 'Entered for the wrong person');
    expect(stageOf(ids.passed)).toBe('training_sent');
    sqlite.prepare(`UPDATE quiz_attempts SET voided_at = NULL, voided_by = NULL, void_reason = NULL WHERE person_id = ?`).run(ids.passed);
    expect(stageOf(ids.passed)).toBe('quiz_passed');
    sqlite.prepare(`UPDATE quiz_attempts SET voided_at = ?, voided_by = 'x', void_reason = 'mistake', passed = 1 WHERE person_id = ?`).run(NOW, ids.failed);
    expect(stageOf(ids.failed)).toBe('training_sent'); // a voided pass is no pass
  });

  it('refuses a void without its reason', () => {
    migrate(sqlite, MIGRATIONS, NOW);
    expect(() => voidAttempt(ids.passed, null)).toThrow(/CHECK constraint failed/);
    expect(() => voidAttempt(ids.passed, '   ')).toThrow(/CHECK constraint failed/);
    expect(stageOf(ids.passed)).toBe('quiz_passed');
  });
});
