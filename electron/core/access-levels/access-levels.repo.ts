import type { AccessLevel } from '../../../shared/domain/access-level';
import type { Db } from '../db/open-database';

export interface AccessLevelDefault {
  name: string;
  includesAssessments: boolean;
  trainingSets: string[];
}

export async function listAccessLevels(db: Db): Promise<AccessLevel[]> {
  const rows = await db.selectFrom('access_levels').selectAll().orderBy('sort_order').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    includesAssessments: row.includes_assessments === 1,
    trainingSets: JSON.parse(row.training_sets) as string[],
    sortOrder: row.sort_order,
  }));
}

export async function countAccessLevels(db: Db): Promise<number> {
  const row = await db.selectFrom('access_levels').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAccessLevels(trx: Db, levels: readonly AccessLevelDefault[]): Promise<void> {
  await trx
    .insertInto('access_levels')
    .values(
      levels.map((level, index) => ({
        name: level.name,
        includes_assessments: level.includesAssessments ? 1 : 0,
        training_sets: JSON.stringify(level.trainingSets),
        sort_order: (index + 1) * 10,
      })),
    )
    .execute();
}
