import { sql } from 'kysely';
import type { Db } from '../../db/open-database';
import { runChunked } from '../chunked.repo';

const CHUNK = 500;

/** People by email, ignoring letter case as the unique index does: lower-cased email -> person id. */
export async function peopleByEmail(db: Db, emails: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(emails.map((e) => e.toLowerCase()).filter((e) => e.includes('@')))];
  const rows = await runChunked(
    db,
    unique,
    CHUNK,
    (chunk) =>
      db
        .selectFrom('people')
        .select(['id', 'email'])
        .where(sql<boolean>`email COLLATE NOCASE IN (${sql.join(chunk)})`),
    (email) => [email],
  );
  return new Map(rows.map((row) => [row.email.toLowerCase(), row.id]));
}

export async function existingPeople(db: Db, ids: readonly number[]): Promise<Set<number>> {
  const rows = await runChunked(db, [...new Set(ids)], CHUNK, (chunk) => db.selectFrom('people').select('id').where('id', 'in', chunk), (id) => [id]);
  return new Set(rows.map((row) => row.id));
}
