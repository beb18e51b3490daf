import { sql, type SqlBool } from 'kysely';
import { attemptSource, type Attempt, type AttemptSource } from '../../../shared/domain/quiz-attempt';
import { quizKind } from '../../../shared/domain/quiz';
import { grade, type Answers, type Grade, type Marks } from '../../../shared/grading';
import { fromDb } from '../db/db-enums';
import type { Db } from '../db/open-database';
import { trainingDb } from '../training/training-schema';
import { runChunked } from './chunked.repo';
import { getVersions } from './quizzes.repo';

const CHUNK = 400;

export interface NewAttempt {
  personId: number;
  quizId: number;
  quizVersionId: number;
  takenOn: string;
  source: AttemptSource;
  answers: Answers;
  marks: Marks;
  grade: Pick<Grade, 'score' | 'maxScore' | 'percent' | 'passed'>;
  responseKey: string | null;
}

const gradeColumns = (g: NewAttempt['grade']) => ({ score: g.score, max_score: g.maxScore, percent: g.percent, passed: g.passed === null ? null : g.passed ? 1 : 0 });

function attemptColumns(a: NewAttempt, now: string) {
  return {
    person_id: a.personId,
    quiz_id: a.quizId,
    quiz_version_id: a.quizVersionId,
    taken_on: a.takenOn,
    source: a.source,
    answers: JSON.stringify(a.answers),
    marks: JSON.stringify(a.marks),
    ...gradeColumns(a.grade),
    response_key: a.responseKey,
    graded_at: now,
    updated_at: now,
  };
}

/** Many attempts in a few statements, compiled once (an import of thousands); ids come back in input order. */
export async function insertAttempts(trx: Db, attempts: readonly NewAttempt[], now: string): Promise<number[]> {
  const t = trainingDb(trx);
  const inserted = await runChunked(
    trx,
    attempts,
    CHUNK,
    (chunk) => t.insertInto('quiz_attempts').values(chunk.map((a) => attemptColumns(a, now))).returning('id'),
    (a) => Object.values(attemptColumns(a, now)),
  );
  // SQLite's RETURNING follows insertion order for a multi-row VALUES insert into a rowid table.
  return inserted.map((r) => r.id);
}

/** Writes only over the marks the caller read (`before`); false when someone else marked first. */
export async function updateMarks(trx: Db, id: number, before: Marks, marks: Marks, g: NewAttempt['grade'], now: string): Promise<boolean> {
  const result = await trainingDb(trx)
    .updateTable('quiz_attempts')
    .set({ marks: JSON.stringify(marks), ...gradeColumns(g), graded_at: now, updated_at: now })
    .where('id', '=', id)
    .where('marks', '=', JSON.stringify(before))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Marks results sent and returns the ids it marked: only attempts not sent yet (unless `resend`),
 * in the same statement that checks, so two senders cannot both claim one attempt.
 */
export async function claimResultsSent(trx: Db, ids: readonly number[], now: string, resend: boolean): Promise<number[]> {
  const rows = await runChunked(
    trx,
    ids,
    CHUNK,
    (chunk) => {
      const update = trainingDb(trx).updateTable('quiz_attempts').set({ results_sent_at: now, updated_at: now }).where('id', 'in', chunk).where('voided_at', 'is', null);
      return (resend ? update : update.where('results_sent_at', 'is', null)).returning('id');
    },
    (id) => [id],
  );
  return rows.map((r) => r.id);
}

/** Voids the attempt only if no one voided it first (the same statement checks); false otherwise. */
export async function voidAttempt(trx: Db, id: number, by: string, reason: string, now: string): Promise<boolean> {
  const result = await trainingDb(trx).updateTable('quiz_attempts').set({ voided_at: now, voided_by: by, void_reason: reason, updated_at: now }).where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function existingResponseKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  const t = trainingDb(db);
  const rows = await runChunked(db, keys, CHUNK, (chunk) => t.selectFrom('quiz_attempts').select('response_key').where('response_key', 'in', chunk), (key) => [key]);
  return new Set(rows.flatMap((r) => (r.response_key ? [r.response_key] : [])));
}

function selectAttempts(db: Db) {
  return trainingDb(db)
    .selectFrom('quiz_attempts as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .innerJoin('quizzes as q', 'q.id', 'a.quiz_id')
    .innerJoin('quiz_versions as v', 'v.id', 'a.quiz_version_id')
    .select([
      'a.id',
      'a.person_id',
      sql<string>`p.first_name || ' ' || p.last_name`.as('person_name'),
      'p.email',
      'a.quiz_id',
      'q.title',
      'q.kind',
      'a.quiz_version_id',
      'v.version',
      'v.pass_mark',
      'a.taken_on',
      'a.source',
      'a.answers',
      'a.marks',
      'a.results_sent_at',
      'a.graded_at',
      'a.voided_at',
      'a.voided_by',
      'a.void_reason',
      // Voided attempts are not tries: the first real attempt after a mistaken one is still try 1.
      sql<number>`(SELECT count(*) FROM quiz_attempts b WHERE b.person_id = a.person_id AND b.quiz_id = a.quiz_id AND b.id <= a.id AND b.voided_at IS NULL)`.as('try_number'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectAttempts>['execute']>>[number];

/** Results and missed questions are graded again from the stored answers on read: one function decides them. */
async function toAttempts(db: Db, rows: readonly Row[]): Promise<Attempt[]> {
  const versions = await getVersions(db, rows.map((r) => r.quiz_version_id));
  return rows.map((r) => {
    const version = versions.get(r.quiz_version_id);
    const answers = JSON.parse(r.answers) as Attempt['answers'];
    const marks = JSON.parse(r.marks) as Attempt['marks'];
    const g = grade({ passMark: r.pass_mark, questions: version?.questions ?? [] }, answers, marks);
    return {
      id: r.id,
      personId: r.person_id,
      personName: r.person_name,
      personEmail: r.email,
      quizId: r.quiz_id,
      quizTitle: r.title,
      quizKind: fromDb(quizKind, r.kind, 'quizzes.kind'),
      quizVersionId: r.quiz_version_id,
      version: r.version,
      tryNumber: Number(r.try_number),
      takenOn: r.taken_on,
      source: fromDb(attemptSource, r.source, 'quiz_attempts.source'),
      score: g.score,
      maxScore: g.maxScore,
      percent: g.percent,
      passMark: r.pass_mark,
      passed: g.passed,
      results: g.results,
      missed: g.missed,
      answers,
      marks,
      resultsSentAt: r.results_sent_at,
      gradedAt: r.graded_at,
      voided: r.voided_at ? { at: r.voided_at, by: r.voided_by ?? '', reason: r.void_reason ?? '' } : null,
    };
  });
}

interface AttemptFilter {
  personId?: number;
  quizId?: number;
  ids?: readonly number[];
  filter: 'all' | 'unsent' | 'needs_marking';
  offset: number;
  limit: number;
}

/** The filter as one SQL condition, so the page and its count cannot filter differently. */
function conditions(f: AttemptFilter) {
  const parts = [sql`1 = 1`];
  if (f.personId !== undefined) parts.push(sql`a.person_id = ${f.personId}`);
  if (f.quizId !== undefined) parts.push(sql`a.quiz_id = ${f.quizId}`);
  if (f.ids) parts.push(f.ids.length ? sql`a.id IN (${sql.join([...f.ids])})` : sql`0 = 1`);
  if (f.filter === 'unsent') parts.push(sql`a.passed IS NOT NULL AND a.results_sent_at IS NULL AND a.voided_at IS NULL`);
  if (f.filter === 'needs_marking') parts.push(sql`a.passed IS NULL AND a.voided_at IS NULL`);
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

export async function listAttempts(db: Db, f: AttemptFilter): Promise<{ total: number; items: Attempt[] }> {
  const [rows, count] = await Promise.all([
    selectAttempts(db).where(conditions(f)).orderBy('a.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    trainingDb(db).selectFrom('quiz_attempts as a').select((eb) => eb.fn.countAll<number>().as('n')).where(conditions(f)).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: await toAttempts(db, rows) };
}

export async function getAttempts(db: Db, ids: readonly number[]): Promise<Attempt[]> {
  const rows = await runChunked(db, ids, CHUNK, (chunk) => selectAttempts(db).where('a.id', 'in', chunk).orderBy('a.id'), (id) => [id]);
  return toAttempts(db, rows);
}

/** Every attempt of a quiz in the order taken, for its statistics. */
export async function attemptsForStats(db: Db, quizId: number) {
  const rows = await trainingDb(db)
    .selectFrom('quiz_attempts')
    .select(['person_id', 'quiz_version_id', 'answers', 'marks', 'passed'])
    .where('quiz_id', '=', quizId)
    .where('voided_at', 'is', null)
    .orderBy('taken_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    personId: r.person_id,
    versionId: r.quiz_version_id,
    answers: JSON.parse(r.answers) as Answers,
    marks: JSON.parse(r.marks) as Marks,
    passed: r.passed === null ? null : r.passed === 1,
  }));
}
