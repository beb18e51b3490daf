import type { Db } from '../db/open-database';

export interface PersonMailFacts {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  agencyName: string;
  accessLevelName: string;
  includesAssessments: boolean;
  supervisorName: string | null;
  supervisorEmail: string | null;
}

/**
 * What a template may say about each person, in one indexed query per 500 people: queueMails runs
 * inside callers' transactions, sometimes for a whole recertification cohort at once.
 */
export async function personMailFacts(db: Db, personIds: readonly number[]): Promise<Map<number, PersonMailFacts>> {
  const facts = new Map<number, PersonMailFacts>();
  const unique = [...new Set(personIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('people as p')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .innerJoin('access_levels as l', 'l.id', 'p.access_level_id')
      .select([
        'p.id',
        'p.first_name as firstName',
        'p.last_name as lastName',
        'p.email',
        'p.phone',
        'a.name as agencyName',
        'l.name as accessLevelName',
        'l.includes_assessments as includesAssessments',
        'p.supervisor_name as supervisorName',
        'p.supervisor_email as supervisorEmail',
      ])
      .where('p.id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const { id, ...row } of rows) facts.set(id, { ...row, includesAssessments: row.includesAssessments === 1 });
  }
  return facts;
}
