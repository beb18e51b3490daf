import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/open-database';

/** What recognition needs to know about a person a form may name. */
export interface MatchablePerson {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  agencyName: string;
}

function people(db: Db) {
  return db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.first_name as firstName', 'p.last_name as lastName', 'p.email', 'a.name as agencyName']);
}

/** People with any of these emails (the first 50), case-blind. */
export async function peopleByEmails(db: Db, emails: readonly string[]): Promise<MatchablePerson[]> {
  if (emails.length === 0) return [];
  // COLLATE NOCASE matches the unique index: one index lookup per email.
  return people(db).where(sql<SqlBool>`p.email COLLATE NOCASE IN (${sql.join(emails.slice(0, 50))})`).execute();
}

/**
 * Up to 50 people whose names hold both words, through the accent-blind full-text index (SQLite
 * FTS5). Callers still compare the names: the index also matches a word anywhere in the name.
 */
export async function peopleByNameWords(db: Db, name: { first: string; last: string }): Promise<MatchablePerson[]> {
  const match = `"${name.first}" "${name.last}"`;
  return people(db)
    .where(sql<SqlBool>`p.id IN (SELECT rowid FROM people_fts WHERE people_fts MATCH ${match} LIMIT 50)`)
    .execute();
}
