import type { Kysely } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import type { DocumentTables } from '../documents/documents-schema';
import type { TrainingTables } from '../training/training-schema';

/**
 * Who plays which part in `demo seed`'s sample office. The mail samples go to the first people;
 * the document stories (accepted, in review, rejected, missing) to the first new users with no
 * training; training to new users after those, and every one of them gets both forms accepted
 * before their training was sent, as in a real office.
 */

/** Documents and training read together: the two features' tables on one connection. */
function storyDb(db: Db): Kysely<Database & DocumentTables & TrainingTables> {
  return db.withTables<DocumentTables & TrainingTables>();
}

/** The first people on the list: the mail samples go to them. */
export async function firstPeople(db: Db, count: number): Promise<{ id: number; email: string }[]> {
  return db.selectFrom('people').select(['id', 'email']).orderBy('id').limit(count).execute();
}

export interface TrainingCandidate {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  accessLevelId: number;
}

/**
 * New users who can have been sent training in the sample past: registered by `registeredBy`,
 * in list order after the first `skip` (those keep the document stories).
 */
export async function trainingCandidates(db: Db, options: { skip: number; limit: number; registeredBy: string }): Promise<TrainingCandidate[]> {
  return db
    .selectFrom('people')
    .select(['id', 'first_name as firstName', 'last_name as lastName', 'email', 'access_level_id as accessLevelId'])
    .where('request_type', '=', 'new_user')
    .where('registered_on', '<=', options.registeredBy)
    .orderBy('id')
    .offset(options.skip)
    .limit(options.limit)
    .execute();
}

/** What a sample form says about its person. */
export interface SampleFormFacts {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  agencyName: string;
  accessLevelName: string;
  supervisorName: string | null;
  supervisorEmail: string | null;
}

function sampleFormFacts(db: Db) {
  return storyDb(db)
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .innerJoin('access_levels as l', 'l.id', 'p.access_level_id')
    .select(['p.id', 'p.first_name as firstName', 'p.last_name as lastName', 'p.email', 'a.name as agencyName', 'l.name as accessLevelName', 'p.supervisor_name as supervisorName', 'p.supervisor_email as supervisorEmail'])
    .where('p.email', 'like', '%.example.org')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('documents as d').select('d.id').whereRef('d.person_id', '=', 'p.id'))))
    .orderBy('p.id');
}

/** Sample new users with no documents and no training yet, in list order: the document stories. */
export async function untrainedWithoutDocuments(db: Db, count: number): Promise<SampleFormFacts[]> {
  return sampleFormFacts(db)
    .where('p.request_type', '=', 'new_user')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('training_sends as s').select('s.id').whereRef('s.person_id', '=', 'p.id'))))
    // People the sample recertification story certified already have their forms behind them.
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('credentials as c').select('c.id').whereRef('c.person_id', '=', 'p.id'))))
    .limit(count)
    .execute();
}

/** Sample people sent training who have no documents yet, with when their training was first sent. */
export async function trainedWithoutDocuments(db: Db): Promise<(SampleFormFacts & { firstSentAt: string })[]> {
  return sampleFormFacts(db)
    .innerJoin(
      (eb) => eb.selectFrom('training_sends').select(['person_id']).select((s) => s.fn.min<string>('sent_at').as('firstSentAt')).groupBy('person_id').as('t'),
      (join) => join.onRef('t.person_id', '=', 'p.id'),
    )
    .select('t.firstSentAt')
    .execute();
}
