import { sql, type Selectable } from 'kysely';
import type { LevelQuizzes, LevelTraining, Material, MaterialKind } from '../../../shared/domain/quiz-training';
import { QUIZ_KINDS, type QuizKind } from '../../../shared/domain/quiz';
import type { Db } from '../db/open-database';
import { trainingDb, type TrainingTables } from './training-schema';

/** A material as stored; derived from the table type so the two cannot drift apart. */
type MaterialRow = Omit<Selectable<TrainingTables['training_materials']>, 'created_at' | 'updated_at'>;

function toMaterial(row: MaterialRow): Material {
  return {
    id: row.id,
    trainingSet: row.training_set,
    title: row.title,
    kind: row.kind as MaterialKind,
    url: row.url,
    file: row.file_sha256 && row.file_name ? { sha256: row.file_sha256, fileName: row.file_name, contentType: row.content_type } : null,
    minutes: row.minutes,
    sortOrder: row.sort_order,
    retired: row.retired === 1,
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

export async function updateMaterial(trx: Db, id: number, m: MaterialWrite, now: string): Promise<void> {
  await trainingDb(trx).updateTable('training_materials').set(materialColumns(m, now)).where('id', '=', id).execute();
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
    for (const link of links) if (link.access_level_id === l.id) quizzes[link.kind as QuizKind] = link.quiz_id;
    return {
      id: l.id,
      name: l.name,
      includesAssessments: l.includes_assessments === 1,
      trainingSets: JSON.parse(l.training_sets) as string[],
      quizzes,
      sortOrder: l.sort_order,
      people: Number(l.people),
    };
  });
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

export async function updateLevel(trx: Db, id: number, level: LevelWrite): Promise<void> {
  await trx.updateTable('access_levels').set(levelColumns(level)).where('id', '=', id).execute();
}

/** Sets (quiz id) or clears (null) the level's quiz of each kind given; kinds left out stay. */
export async function setLevelQuizzes(trx: Db, levelId: number, quizzes: Partial<LevelQuizzes>): Promise<void> {
  const t = trainingDb(trx);
  for (const [kind, quizId] of Object.entries(quizzes)) {
    if (quizId === undefined) continue;
    await t.deleteFrom('level_quizzes').where('access_level_id', '=', levelId).where('kind', '=', kind).execute();
    if (quizId !== null) await t.insertInto('level_quizzes').values({ access_level_id: levelId, kind, quiz_id: quizId }).execute();
  }
}
