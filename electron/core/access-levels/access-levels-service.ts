import defaults from '../../../resources/catalog/access-levels.json' with { type: 'json' };
import type { AccessLevel } from '../../../shared/domain/access-level';
import { insertAudit } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import { countAccessLevels, insertAccessLevels, listAccessLevels, type AccessLevelDefault } from './access-levels.repo';

const DEFAULT_ACCESS_LEVELS: readonly AccessLevelDefault[] = defaults;

/** First start: the Sacramento access levels as editable defaults. Later starts leave them alone. */
export async function seedDefaultAccessLevels(ctx: CoreContext): Promise<void> {
  if ((await countAccessLevels(ctx.db)) > 0) return;
  await ctx.db.transaction().execute(async (trx) => {
    await insertAccessLevels(trx, DEFAULT_ACCESS_LEVELS);
    await insertAudit(trx, {
      at: ctx.clock.now().toISOString(),
      operator: ctx.operator,
      action: 'access_levels.seeded',
      entity: 'access_level',
      entityId: null,
      after: { names: DEFAULT_ACCESS_LEVELS.map((l) => l.name) },
    });
  });
}

export function createAccessLevelsService(ctx: CoreContext) {
  return {
    list: (): Promise<AccessLevel[]> => listAccessLevels(ctx.db),
  };
}
