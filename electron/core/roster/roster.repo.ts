import { sql } from 'kysely';
import type { Db } from '../db/open-database';
import { stageSql } from '../people/stage.repo';

/** What the roster check compares an account with: one row per person on the master list. */
export interface RosterPerson {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  agency: string;
  accessLevel: string;
  stage: string;
  /** The HMIS user name of the latest credentials issued; null before credentials. */
  userName: string | null;
}

/**
 * Everyone, in four plain scans rather than one statement: agencies, levels and the latest user
 * name joined in Maps cost less than per-person joins and a correlated subquery over 100k people.
 * The stage is the stored stage as the list reads it (stage.repo.ts).
 */
export async function loadRosterPeople(db: Db, today: string): Promise<RosterPerson[]> {
  const agencies = new Map((await db.selectFrom('agencies').select(['id', 'name']).execute()).map((a) => [a.id, a.name]));
  const levels = new Map((await db.selectFrom('access_levels').select(['id', 'name']).execute()).map((l) => [l.id, l.name]));
  // Issued in order, so the latest credentials of a person are the last seen.
  const issued = await sql<{ personId: number; userName: string }>`SELECT person_id AS personId, username AS userName FROM credentials ORDER BY issued_at, id`.execute(db);
  const userNames = new Map(issued.rows.map((c) => [c.personId, c.userName]));
  const people = await db
    .selectFrom('people as p')
    .select(['p.id', 'p.first_name as firstName', 'p.last_name as lastName', 'p.email', 'p.agency_id as agencyId', 'p.access_level_id as levelId', stageSql(today).as('stage')])
    .execute();
  return people.map((p) => ({
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    agency: agencies.get(p.agencyId) ?? '',
    accessLevel: levels.get(p.levelId) ?? '',
    stage: p.stage,
    userName: userNames.get(p.id) ?? null,
  }));
}
