import type { Db } from '../db/open-database';
import { runChunked } from '../quizzes/chunked.repo';

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
  const rows = await runChunked(
    db,
    [...new Set(personIds)],
    500,
    (chunk) =>
      db
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
        .where('p.id', 'in', chunk),
    (id) => [id],
  );
  return new Map(rows.map(({ id, ...row }) => [id, { ...row, includesAssessments: row.includesAssessments === 1 }]));
}
