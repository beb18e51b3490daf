import path from 'node:path';
import { openSqlite } from '../../db/sqlite.repo';

/**
 * `count` people with credentials issued, written straight to the tables (migration 008's
 * triggers certify them): person i certified on `certifiedOn(i)`. Returns their ids. A second
 * batch in the same folder needs its own `batch` name (names and emails restart at 0).
 */
export function seedCertifiedPeople(dataDir: string, count: number, certifiedOn: (i: number) => string, agencyId: number, accessLevelId: number, batch = ''): number[] {
  const sqlite = openSqlite(path.join(dataDir, 'hmis.sqlite'));
  try {
    const now = '2026-01-01T00:00:00.000Z';
    const person = sqlite.prepare(`INSERT INTO people (first_name, last_name, email, agency_id, access_level_id, request_type, registered_on, supervisor_name, supervisor_email, created_at, updated_at)
      VALUES ('Pat', ?, ?, ?, ?, 'new_user', '2026-01-01', 'Sam Boss', 'boss@example.org', ?, ?)`);
    const credential = sqlite.prepare(`INSERT INTO credentials (person_id, username, certified_on, new_password, issued_at) VALUES (?, ?, ?, 0, ?)`);
    const ids: number[] = [];
    sqlite.transaction(() => {
      for (let i = 0; i < count; i += 1) {
        const id = Number(person.run(`${batch}Person${String(i).padStart(5, '0')}`, `${batch}p${i}@certified.example.org`, agencyId, accessLevelId, now, now).lastInsertRowid);
        credential.run(id, `${batch}user${i}`, certifiedOn(i), now);
        ids.push(id);
      }
    })();
    return ids;
  } finally {
    sqlite.close();
  }
}
