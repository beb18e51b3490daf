import type { Credential } from '../../../shared/domain/quiz-training';
import type { Db } from '../db/open-database';
import { trainingDb } from '../training/training-schema';

interface NewCredential {
  personId: number;
  username: string;
  certifiedOn: string;
  attemptId: number | null;
  newPassword: boolean;
  note: string | null;
}

export async function insertCredential(trx: Db, c: NewCredential, issuedAt: string): Promise<number> {
  const row = await trainingDb(trx)
    .insertInto('credentials')
    .values({ person_id: c.personId, username: c.username, certified_on: c.certifiedOn, attempt_id: c.attemptId, new_password: c.newPassword ? 1 : 0, note: c.note, issued_at: issuedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setCredentialMail(trx: Db, id: number, mailId: number): Promise<void> {
  await trainingDb(trx).updateTable('credentials').set({ mail_id: mailId }).where('id', '=', id).execute();
}

export async function credentialsOf(db: Db, personId: number): Promise<Credential[]> {
  const rows = await trainingDb(db).selectFrom('credentials').selectAll().where('person_id', '=', personId).orderBy('issued_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    username: r.username,
    certifiedOn: r.certified_on,
    attemptId: r.attempt_id,
    newPassword: r.new_password === 1,
    mailId: r.mail_id,
    issuedAt: r.issued_at,
  }));
}

/** The latest passing attempt: its date is the certification date. */
export async function latestPass(db: Db, personId: number): Promise<{ id: number; takenOn: string } | undefined> {
  return trainingDb(db)
    .selectFrom('quiz_attempts')
    .select(['id', 'taken_on as takenOn'])
    .where('person_id', '=', personId)
    .where('passed', '=', 1)
    .where('voided_at', 'is', null)
    .orderBy('graded_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}
