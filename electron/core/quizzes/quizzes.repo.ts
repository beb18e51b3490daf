import { sql } from 'kysely';
import { maxScoreOf, quizKind, type Question, type Quiz, type QuizDefinition, type QuizVersion } from '../../../shared/domain/quiz';
import { fromDb } from '../db/db-enums';
import type { Db } from '../db/open-database';
import { nextStamp } from '../db/stamps';
import { trainingDb } from '../training/training-schema';

function selectQuizzes(db: Db) {
  const t = trainingDb(db);
  return t
    .selectFrom('quizzes as q')
    .innerJoin('quiz_versions as v', (join) =>
      join.onRef('v.quiz_id', '=', 'q.id').on('v.version', '=', sql<number>`(SELECT max(version) FROM quiz_versions WHERE quiz_id = q.id)`),
    )
    .select([
      'q.id',
      'q.title',
      'q.kind',
      'q.url',
      'q.directions',
      'q.archived',
      'q.updated_at',
      'v.id as version_id',
      'v.version',
      'v.pass_mark',
      'v.questions',
      'v.max_score',
      sql<number>`(SELECT count(*) FROM quiz_attempts a WHERE a.quiz_version_id = v.id)`.as('attempts'),
    ]);
}

type QuizRow = Awaited<ReturnType<ReturnType<typeof selectQuizzes>['executeTakeFirstOrThrow']>>;

function toQuiz(row: QuizRow): Quiz {
  return {
    id: row.id,
    title: row.title,
    kind: fromDb(quizKind, row.kind, 'quizzes.kind'),
    url: row.url,
    directions: row.directions,
    versionId: row.version_id,
    version: row.version,
    passMark: row.pass_mark,
    questions: JSON.parse(row.questions) as Question[],
    maxScore: row.max_score,
    attempts: Number(row.attempts),
    versions: row.version,
    archived: row.archived === 1,
    updatedAt: row.updated_at,
  };
}

export async function listQuizzes(db: Db): Promise<Quiz[]> {
  const rows = await selectQuizzes(db).orderBy('q.archived').orderBy('q.kind').orderBy('q.title').execute();
  return rows.map(toQuiz);
}

export async function getQuiz(db: Db, id: number): Promise<Quiz | undefined> {
  const row = await selectQuizzes(db).where('q.id', '=', id).executeTakeFirst();
  return row && toQuiz(row);
}

export async function countQuizzes(db: Db): Promise<number> {
  const row = await trainingDb(db).selectFrom('quizzes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

function toVersion(row: { id: number; quiz_id: number; version: number; pass_mark: number; questions: string; created_at: string }): QuizVersion {
  return { id: row.id, quizId: row.quiz_id, version: row.version, passMark: row.pass_mark, questions: JSON.parse(row.questions) as Question[], createdAt: row.created_at };
}

export async function getVersions(db: Db, versionIds: readonly number[]): Promise<Map<number, QuizVersion>> {
  const ids = [...new Set(versionIds)];
  if (ids.length === 0) return new Map();
  const rows = await trainingDb(db).selectFrom('quiz_versions').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, toVersion(r)]));
}

export async function listVersions(db: Db, quizId: number): Promise<QuizVersion[]> {
  const rows = await trainingDb(db).selectFrom('quiz_versions').selectAll().where('quiz_id', '=', quizId).orderBy('version', 'desc').execute();
  return rows.map(toVersion);
}

const quizColumns = (def: QuizDefinition, now: string) => ({ title: def.title, kind: def.kind, url: def.url, directions: def.directions, updated_at: now });
const versionColumns = (def: QuizDefinition) => ({ pass_mark: def.passMark, questions: JSON.stringify(def.questions), max_score: maxScoreOf(def.questions) });

export async function insertQuiz(trx: Db, def: QuizDefinition, now: string): Promise<number> {
  const t = trainingDb(trx);
  const { id } = await t.insertInto('quizzes').values({ ...quizColumns(def, now), created_at: now }).returning('id').executeTakeFirstOrThrow();
  await t.insertInto('quiz_versions').values({ quiz_id: id, version: 1, ...versionColumns(def), created_at: now }).execute();
  return id;
}

/** Writes only over the version the caller read; false when someone else saved the quiz first. */
export async function updateQuizRow(trx: Db, id: number, def: QuizDefinition, expectedUpdatedAt: string, now: string): Promise<boolean> {
  const result = await trainingDb(trx)
    .updateTable('quizzes')
    .set(quizColumns(def, nextStamp(now, expectedUpdatedAt)))
    .where('id', '=', id)
    .where('updated_at', '=', expectedUpdatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertVersion(trx: Db, quizId: number, version: number, def: QuizDefinition, now: string): Promise<void> {
  await trainingDb(trx).insertInto('quiz_versions').values({ quiz_id: quizId, version, ...versionColumns(def), created_at: now }).execute();
}

/**
 * Rewrites a version only while nobody has been graded against it, decided in the statement
 * itself (attempts keep their version); false when an attempt arrived first.
 */
export async function rewriteVersion(trx: Db, versionId: number, def: QuizDefinition): Promise<boolean> {
  const result = await trainingDb(trx)
    .updateTable('quiz_versions')
    .set(versionColumns(def))
    .where('id', '=', versionId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('quiz_attempts').select('id').where('quiz_version_id', '=', versionId))))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Grading writes against the version it read: this claims the quiz as read (every edit moves
 * its updated_at) and holds the write until commit. False when the quiz was edited meanwhile.
 */
export async function holdQuizAsRead(trx: Db, quizId: number, updatedAt: string): Promise<boolean> {
  const result = await trainingDb(trx)
    .updateTable('quizzes')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', quizId)
    .where('updated_at', '=', updatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Archives only a quiz no access level uses, decided in the statement itself; false otherwise. */
export async function setArchived(trx: Db, id: number, archived: boolean, previousUpdatedAt: string, now: string): Promise<boolean> {
  let query = trainingDb(trx).updateTable('quizzes').set({ archived: archived ? 1 : 0, updated_at: nextStamp(now, previousUpdatedAt) }).where('id', '=', id);
  if (archived) query = query.where(({ not, exists, selectFrom }) => not(exists(selectFrom('level_quizzes').select('quiz_id').where('quiz_id', '=', id))));
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function levelsUsingQuiz(db: Db, quizId: number): Promise<{ name: string; kind: string }[]> {
  return trainingDb(db)
    .selectFrom('level_quizzes as lq')
    .innerJoin('access_levels as l', 'l.id', 'lq.access_level_id')
    .select(['l.name', 'lq.kind'])
    .where('lq.quiz_id', '=', quizId)
    .orderBy('l.sort_order')
    .execute();
}
