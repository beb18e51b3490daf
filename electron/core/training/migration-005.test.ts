import type BetterSqlite3 from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../db/migrations';
import { migrate } from '../db/migrations.repo';
import { databaseBeforeMigration, insertMigrationPerson, MIGRATION_NOW } from '../test-support/migrated-database';

const NOW = MIGRATION_NOW;
const database = databaseBeforeMigration(5);
let sqlite: BetterSqlite3.Database;

beforeEach(() => {
  sqlite = database();
  insertMigrationPerson(sqlite, 'n@delta.example.org');
});

describe('migration 005 (training) with real rows', () => {
  it('keeps the people and levels already there, and checks what it stores', () => {
    migrate(sqlite, MIGRATIONS, NOW);
    expect(sqlite.prepare('SELECT email FROM people').all()).toEqual([{ email: 'n@delta.example.org' }]);
    sqlite.prepare(`INSERT INTO quizzes (title, kind, directions, created_at, updated_at) VALUES ('Q', 'new_user', '', ?, ?)`).run(NOW, NOW);
    sqlite.prepare(`INSERT INTO quiz_versions (quiz_id, version, pass_mark, questions, max_score, created_at) VALUES (1, 1, 80, '[]', 10, ?)`).run(NOW);
    const attempt = (score: number, passed: number | null) =>
      sqlite
        .prepare(`INSERT INTO quiz_attempts (person_id, quiz_id, quiz_version_id, taken_on, source, answers, score, max_score, percent, passed, graded_at, updated_at) VALUES (1, 1, 1, '2026-11-28', 'hand', '{}', ?, 10, ?, ?, ?, ?)`)
        .run(score, score * 10, passed, NOW, NOW);
    attempt(8, 1);
    expect(() => attempt(11, 1)).toThrow(/CHECK constraint failed/);
    expect(() => sqlite.prepare(`INSERT INTO quiz_versions (quiz_id, version, pass_mark, questions, max_score, created_at) VALUES (1, 1, 80, '[]', 10, ?)`).run(NOW)).toThrow(/UNIQUE/);
    expect(() => sqlite.prepare(`INSERT INTO level_quizzes VALUES (1, 'new_user', 99)`).run()).toThrow(/FOREIGN KEY/);
    expect(() => sqlite.prepare(`INSERT INTO training_materials (training_set, title, kind, minutes, sort_order, created_at, updated_at) VALUES ('New User', 'T', 'video', 5, 10, ?, ?)`).run(NOW, NOW)).toThrow(
      /CHECK constraint failed/,
    );
    const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info('credentials')`).all() as { name: string }[]).map((c) => c.name);
    expect(columns.some((c) => /pass/.test(c) && c !== 'new_password')).toBe(false);
  });
});
