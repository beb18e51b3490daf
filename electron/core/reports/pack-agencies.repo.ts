import { sql } from 'kysely';
import type { Db } from '../db/open-database';

export interface PackAgency {
  id: number;
  name: string;
  contactName: string | null;
  contactEmail: string | null;
  people: number;
}

/** Every agency and how many people it has, by name: the agencies a pack run goes through. */
export async function packAgencies(db: Db): Promise<PackAgency[]> {
  const rows = await sql<PackAgency>`SELECT a.id, a.name, a.contact_name AS contactName, a.contact_email AS contactEmail,
      (SELECT count(*) FROM people p WHERE p.agency_id = a.id) AS people
    FROM agencies a ORDER BY a.name COLLATE NOCASE`.execute(db);
  return rows.rows;
}
