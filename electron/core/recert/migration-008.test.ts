import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../shared/calendar-date';
import { MIGRATIONS } from '../db/migrations';
import { migrate } from '../db/migrations.repo';
import { databaseBeforeMigration, insertMigrationPerson, MIGRATION_NOW } from '../test-support/migrated-database';

const database = databaseBeforeMigration(8);

function credentialFor(personId: number, certifiedOn: string): void {
  const sqlite = database();
  sqlite.prepare(`INSERT INTO credentials (person_id, username, certified_on, attempt_id, new_password, issued_at) VALUES (?, ?, ?, NULL, 1, ?)`).run(personId, `user${personId}`, certifiedOn, MIGRATION_NOW);
}

describe('migration 008', () => {
  it('certifies everyone already issued credentials and stores their due date', () => {
    const sqlite = database();
    const leap = insertMigrationPerson(sqlite, 'leap@example.org');
    const plain = insertMigrationPerson(sqlite, 'plain@example.org');
    const none = insertMigrationPerson(sqlite, 'none@example.org');
    credentialFor(leap, '2024-02-29');
    credentialFor(plain, '2026-03-15');
    credentialFor(plain, '2026-03-15');
    expect(migrate(sqlite, MIGRATIONS.filter((m) => m.version <= 8), MIGRATION_NOW)).toEqual([8]);
    const rows = sqlite.prepare(`SELECT id, stage, recert_due_on AS due FROM people ORDER BY id`).all() as { id: number; stage: string; due: string | null }[];
    expect(rows.map((r) => r.due)).toEqual([addMonths('2024-02-29', 12), '2027-03-15', null]);
    expect(rows.find((r) => r.id === none)?.stage).toBe('awaiting_documents');
    const certs = sqlite.prepare(`SELECT person_id AS personId, kind, certified_on AS certifiedOn, hmis_user_name AS userName FROM certifications ORDER BY id`).all();
    expect(certs).toEqual([
      { personId: leap, kind: 'initial', certifiedOn: '2024-02-29', userName: `user${leap}` },
      { personId: plain, kind: 'initial', certifiedOn: '2026-03-15', userName: `user${plain}` },
    ]);
  });
});
