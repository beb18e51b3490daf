import type { Db } from '../db/open-database';
import { intakeDb } from '../intake/intake-schema';
import type { LevelNames } from './recognition/recognize';

/** Each access level with the other spellings intake learned for it ("DSS w/ Assessments"). */
export async function accessLevelNames(db: Db): Promise<LevelNames[]> {
  const levels = await db.selectFrom('access_levels').select(['id', 'name']).orderBy('sort_order').execute();
  const synonyms = await intakeDb(db).selectFrom('access_level_synonyms').select(['synonym', 'access_level_id']).execute();
  return levels.map((level) => ({ name: level.name, synonyms: synonyms.filter((s) => s.access_level_id === level.id).map((s) => s.synonym) }));
}
