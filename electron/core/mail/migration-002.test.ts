import type BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MIGRATIONS } from '../db/migrations';
import { migrate } from '../db/migrations.repo';
import { openSqlite } from '../db/sqlite.repo';

const NOW = '2026-11-28T15:00:00.000Z';
let dir: string;
let sqlite: BetterSqlite3.Database;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hmis-migrate-mail-'));
  sqlite = openSqlite(path.join(dir, 'hmis.sqlite'));
});
afterEach(() => {
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

const insertMail = (values: Record<string, unknown>) => {
  const row = { message_id: '<a@hmis-access-desk.local>', person_id: 1, template: 'test_message', to_addrs: '[{"address":"a@b.org","name":null}]', subject: 's', text_body: 't', html_body: 'h', status: 'queued', next_attempt_at: NOW, created_at: NOW, updated_at: NOW, ...values };
  const columns = Object.keys(row);
  return sqlite.prepare(`INSERT INTO mail_outbox (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
};

it('migration 002 (mail) keeps the people of 001 and guards the outbox rows', () => {
  migrate(sqlite, MIGRATIONS.filter((m) => m.version <= 1), NOW);
  sqlite.prepare(`INSERT INTO agencies (name, created_at, updated_at) VALUES ('Delta Recovery Services', ?, ?)`).run(NOW, NOW);
  sqlite.prepare(`INSERT INTO access_levels (name, includes_assessments, training_sets, sort_order) VALUES ('Read Only', 0, '["New User"]', 10)`).run();
  sqlite
    .prepare(`INSERT INTO people (first_name, last_name, email, agency_id, access_level_id, request_type, registered_on, created_at, updated_at) VALUES ('Ana', 'Ortiz', 'ana@delta.example.org', 1, 1, 'new_user', '2026-11-01', ?, ?)`)
    .run(NOW, NOW);

  migrate(sqlite, MIGRATIONS.filter((m) => m.version <= 2), NOW);
  expect(sqlite.prepare('SELECT email FROM people').all()).toEqual([{ email: 'ana@delta.example.org' }]);
  expect(insertMail({}).changes).toBe(1);
  expect(sqlite.prepare('SELECT status, attempts, cc_addrs, recipient_results FROM mail_outbox').get()).toEqual({ status: 'queued', attempts: 0, cc_addrs: '[]', recipient_results: '[]' });

  expect(() => insertMail({ message_id: '<b@x>', status: 'lost' })).toThrow(/CHECK constraint failed/);
  expect(() => insertMail({ message_id: '<c@x>', next_attempt_at: null })).toThrow(/CHECK constraint failed/);
  expect(() => insertMail({ message_id: '<d@x>', status: 'drafted' })).toThrow(/CHECK constraint failed/);
  expect(() => insertMail({ message_id: '<e@x>', to_addrs: '[]' })).toThrow(/CHECK constraint failed/);
  expect(() => insertMail({ message_id: 'no-brackets' })).toThrow(/CHECK constraint failed/);
  expect(() => insertMail({ message_id: '<f@x>', person_id: 99 })).toThrow(/FOREIGN KEY constraint failed/);
  expect(() => insertMail({})).toThrow(/UNIQUE constraint failed: mail_outbox.message_id/);
  expect(() => sqlite.prepare(`INSERT INTO mail_templates VALUES ('x', '', 't', 'h', 0, ?)`).run(NOW)).toThrow(/CHECK constraint failed/);
});
