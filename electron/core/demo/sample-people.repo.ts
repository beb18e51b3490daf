import type { Kysely } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import type { DocumentTables } from '../documents/documents-schema';
import type { MailTables } from '../mail/mail-schema';
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

export interface OutboxCast {
  /** Sent training, no attempt yet: their training email. */
  trainee?: { personId: number; name: string; email: string; accessLevelId: number; sendId: number; sentAt: string };
  /** Their latest attempt failed: the results email. */
  failed?: { personId: number; attemptId: number; gradedAt: string };
}

/** Who the sample outbox's messages are from the stories of: the first sample person in each place. */
export async function outboxCast(db: Db): Promise<OutboxCast> {
  const t = storyDb(db);
  const trainee = await t
    .selectFrom('people as p')
    .innerJoin('training_sends as s', 's.person_id', 'p.id')
    .select(['p.id as personId', 'p.first_name as firstName', 'p.last_name as lastName', 'p.email', 'p.access_level_id as accessLevelId', 's.id as sendId', 's.sent_at as sentAt'])
    .where('p.stage', '=', 'training_sent')
    .where('s.mail_id', 'is', null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('quiz_attempts as a').select('a.id').whereRef('a.person_id', '=', 'p.id'))))
    .orderBy('p.id')
    .executeTakeFirst();
  const failed = await t
    .selectFrom('people as p')
    .innerJoin('quiz_attempts as a', 'a.person_id', 'p.id')
    .select(['p.id as personId', 'a.id as attemptId', 'a.graded_at as gradedAt'])
    .where('p.stage', '=', 'training_sent')
    .where('a.passed', '=', 0)
    .where('a.results_sent_at', 'is', null)
    .orderBy('p.id')
    .executeTakeFirst();
  return {
    ...(trainee ? { trainee: { ...trainee, name: `${trainee.firstName} ${trainee.lastName}` } } : {}),
    ...(failed ? { failed } : {}),
  };
}

/** The id of a person's latest message of one template. */
export async function latestMailOf(db: Db, personId: number, template: string): Promise<number | undefined> {
  const row = await db.withTables<MailTables>().selectFrom('mail_outbox').select('id').where('person_id', '=', personId).where('template', '=', template).orderBy('id', 'desc').executeTakeFirst();
  return row?.id;
}

/** Links a training send to the email that carried it. */
export async function setSendMail(db: Db, sendId: number, mailId: number): Promise<void> {
  await storyDb(db).updateTable('training_sends').set({ mail_id: mailId }).where('id', '=', sendId).execute();
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
    // Certified people have their story already (demo/story-plan.ts).
    .where('stage', '=', 'awaiting_documents')
    .where('current_forms', '=', 0)
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
