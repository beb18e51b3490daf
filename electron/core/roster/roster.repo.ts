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
 * Everyone, in one statement: the latest user name is a lookup on credentials_by_person
 * (migration 005), the stage the stored stage as the list reads it (stage.repo.ts).
 */
export async function loadRosterPeople(db: Db, today: string): Promise<RosterPerson[]> {
  return db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .innerJoin('access_levels as l', 'l.id', 'p.access_level_id')
    .select([
      'p.id',
      'p.first_name as firstName',
      'p.last_name as lastName',
      'p.email',
      'a.name as agency',
      'l.name as accessLevel',
      stageSql(today).as('stage'),
      sql<string | null>`(SELECT c.username FROM credentials c WHERE c.person_id = p.id ORDER BY c.issued_at DESC, c.id DESC LIMIT 1)`.as('userName'),
    ])
    .orderBy('p.id')
    .execute();
}
