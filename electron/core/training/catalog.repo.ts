import { createHash } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { materialKind, type LevelQuizzes, type LevelTraining, type Material, type MaterialKind } from '../../../shared/domain/quiz-training';
import { QUIZ_KINDS, quizKind } from '../../../shared/domain/quiz';
import { fromDb } from '../db/db-enums';
import type { Db } from '../db/open-database';
import { nextStamp } from '../db/stamps';
import { trainingDb, type TrainingTables } from './training-schema';

/** A material as stored; derived from the table type so the two cannot drift apart. */
type MaterialRow = Omit<Selectable<TrainingTables['training_materials']>, 'created_at'>;

function toMaterial(row: MaterialRow): Material {
  return {
    id: row.id,
    trainingSet: row.training_set,
    title: row.title,
    kind: fromDb(materialKind, row.kind, 'training_materials.kind'),
    url: row.url,
    file: row.file_sha256 && row.file_name ? { sha256: row.file_sha256, fileName: row.file_name, contentType: row.content_type } : null,
    minutes: row.minutes,
    sortOrder: row.sort_order,
    retired: row.retired === 1,
    updatedAt: row.updated_at,
  };
}

export async function listMaterials(db: Db): Promise<Material[]> {
  const rows = await trainingDb(db).selectFrom('training_materials').selectAll().orderBy('sort_order').orderBy('id').execute();
  return rows.map(toMaterial);
}

export interface MaterialWrite {
  trainingSet: string;
  title: string;
  kind: MaterialKind;
  url: string | null;
  file: { sha256: string; fileName: string; contentType: string | null } | null;
  minutes: number;
  retired: boolean;
}

const materialColumns = (m: MaterialWrite, now: string) => ({
  training_set: m.trainingSet,
  title: m.title,
  kind: m.kind,
  url: m.url,
  file_sha256: m.file?.sha256 ?? null,
  file_name: m.file?.fileName ?? null,
  content_type: m.file?.contentType ?? null,
  minutes: m.minutes,
  retired: m.retired ? 1 : 0,
  updated_at: now,
});

export async function insertMaterials(trx: Db, materials: readonly MaterialWrite[], now: string): Promise<number[]> {
  if (materials.length === 0) return [];
  const t = trainingDb(trx);
  const top = await t.selectFrom('training_materials').select((eb) => eb.fn.max('sort_order').as('n')).executeTakeFirst();
  const start = Number(top?.n ?? 0);
  const rows = materials.map((m, i) => ({ ...materialColumns(m, now), sort_order: start + (i + 1) * 10, created_at: now }));
  const inserted = await t.insertInto('training_materials').values(rows).returning('id').execute();
  return inserted.map((r) => r.id);
}

/** Writes only over the version the caller read; false when someone else saved the material first. */
export async function updateMaterial(trx: Db, id: number, m: MaterialWrite, expectedUpdatedAt: string, now: string): Promise<boolean> {
  const result = await trainingDb(trx)
    .updateTable('training_materials')
    .set(materialColumns(m, nextStamp(now, expectedUpdatedAt)))
    .where('id', '=', id)
    .where('updated_at', '=', expectedUpdatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every access level with its training sets, its quiz per kind and how many people hold it. */
export async function listLevelTraining(db: Db): Promise<LevelTraining[]> {
  const t = trainingDb(db);
  const [levels, links] = await Promise.all([
    t
      .selectFrom('access_levels as l')
      .select(['l.id', 'l.name', 'l.includes_assessments', 'l.training_sets', 'l.sort_order', sql<number>`(SELECT count(*) FROM people p WHERE p.access_level_id = l.id)`.as('people')])
      .orderBy('l.sort_order')
      .orderBy('l.id')
      .execute(),
    t.selectFrom('level_quizzes').selectAll().execute(),
  ]);
  return levels.map((l) => {
    const quizzes = Object.fromEntries(QUIZ_KINDS.map((k) => [k, null])) as LevelQuizzes;
    for (const link of links) if (link.access_level_id === l.id) quizzes[fromDb(quizKind, link.kind, 'level_quizzes.kind')] = link.quiz_id;
    const level = { id: l.id, name: l.name, includesAssessments: l.includes_assessments === 1, trainingSets: JSON.parse(l.training_sets) as string[], quizzes };
    return { ...level, sortOrder: l.sort_order, people: Number(l.people), version: levelVersion(level) };
  });
}

/**
 * The access levels table has no updated_at (adding one needs a migration), so a level's version
 * is a digest of what an edit can change: equal digests, equal levels.
 */
function levelVersion(level: Pick<LevelTraining, 'name' | 'includesAssessments' | 'trainingSets' | 'quizzes'>): string {
  const quizzes = QUIZ_KINDS.map((k) => level.quizzes[k]);
  return createHash('sha256').update(JSON.stringify([level.name, level.includesAssessments, level.trainingSets, quizzes])).digest('base64url').slice(0, 22);
}

/** The quiz of each kind a level has now; read after the level row is written, so it is current. */
export async function levelQuizzesOf(trx: Db, levelId: number): Promise<LevelQuizzes> {
  const quizzes = Object.fromEntries(QUIZ_KINDS.map((k) => [k, null])) as LevelQuizzes;
  const links = await trainingDb(trx).selectFrom('level_quizzes').select(['kind', 'quiz_id']).where('access_level_id', '=', levelId).execute();
  for (const link of links) quizzes[fromDb(quizKind, link.kind, 'level_quizzes.kind')] = link.quiz_id;
  return quizzes;
}

export interface LevelWrite {
  name: string;
  includesAssessments: boolean;
  trainingSets: string[];
}

const levelColumns = (l: LevelWrite) => ({ name: l.name, includes_assessments: l.includesAssessments ? 1 : 0, training_sets: JSON.stringify(l.trainingSets) });

export async function insertLevel(trx: Db, level: LevelWrite): Promise<number> {
  const top = await trx.selectFrom('access_levels').select((eb) => eb.fn.max('sort_order').as('n')).executeTakeFirst();
  const row = await trx
    .insertInto('access_levels')
    .values({ ...levelColumns(level), sort_order: Number(top?.n ?? 0) + 10 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes only over the level as the caller read it (`before`); false when someone else changed it first. */
export async function updateLevel(trx: Db, id: number, level: LevelWrite, before: LevelWrite): Promise<boolean> {
  const was = levelColumns(before);
  const result = await trx
    .updateTable('access_levels')
    .set(levelColumns(level))
    .where('id', '=', id)
    .where('name', '=', was.name)
    .where('includes_assessments', '=', was.includes_assessments)
    .where('training_sets', '=', was.training_sets)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Sets (quiz id) or clears (null) the level's quiz of each kind given; kinds left out stay. A quiz
 * is linked only if it is, in the statement itself, of that kind and not archived, so an archive
 * at the same moment cannot leave a level on an archived quiz. False when one was refused.
 */
export async function setLevelQuizzes(trx: Db, levelId: number, quizzes: Partial<LevelQuizzes>): Promise<boolean> {
  const t = trainingDb(trx);
  for (const [kind, quizId] of Object.entries(quizzes)) {
    if (quizId === undefined) continue;
    await t.deleteFrom('level_quizzes').where('access_level_id', '=', levelId).where('kind', '=', kind).execute();
    if (quizId === null) continue;
    const result = await t
      .insertInto('level_quizzes')
      .columns(['access_level_id', 'kind', 'quiz_id'])
      .expression((eb) =>
        eb
          .selectFrom('quizzes')
          .select([eb.val(levelId).as('access_level_id'), eb.val(kind).as('kind'), 'id as quiz_id'])
          .where('id', '=', quizId)
          .where('kind', '=', kind)
          .where('archived', '=', 0),
      )
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  }
  return true;
}
