import defaults from '../../../resources/intake/access-level-synonyms.json' with { type: 'json' };
import { AppError } from '../../../shared/app-error';
import type { ParsedInput } from '../../../shared/contract';
import type { AccessLevelSynonym, SavedMapping } from '../../../shared/domain/intake';
import { listAccessLevels } from '../access-levels/access-levels.repo';
import { insertAudit } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import { getSetting, putSetting } from '../settings/settings.repo';
import { deleteMapping, deleteSynonym, findSynonym, getMapping, insertSynonyms, listMappings, listSynonyms, putMapping, putSynonym } from './mappings.repo';
import { textKey } from './text-keys';

const SEEDED_KEY = 'intake.synonymsSeeded';

/**
 * The shipped synonyms are written once, the first time intake is used, so the office can then
 * edit or delete them like their own; a deleted default does not come back.
 */
export async function ensureDefaultSynonyms(ctx: CoreContext): Promise<void> {
  if (await getSetting(ctx.db, SEEDED_KEY)) return;
  const levels = await listAccessLevels(ctx.db);
  const byName = new Map(levels.map((l) => [textKey(l.name), l.id]));
  const rows = Object.entries(defaults.synonyms).flatMap(([level, synonyms]) => {
    const accessLevelId = byName.get(textKey(level));
    return accessLevelId === undefined ? [] : synonyms.map((synonym) => ({ synonym, accessLevelId }));
  });
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (await getSetting(trx, SEEDED_KEY)) return;
    await insertSynonyms(trx, rows, now);
    await putSetting(trx, SEEDED_KEY, now);
    await insertAudit(trx, { at: now, operator: ctx.operator, action: 'intake.synonyms_seeded', entity: 'setting', entityId: null, after: { count: rows.length } });
  });
}

export function createMappingsService(ctx: CoreContext) {
  const now = () => ctx.clock.now().toISOString();
  const audit = (action: string, after: Record<string, unknown> | null, before: Record<string, unknown> | null = null) => ({
    at: now(), operator: ctx.operator, action, entity: 'setting' as const, entityId: null, before, after,
  });

  return {
    list: (): Promise<SavedMapping[]> => listMappings(ctx.db),

    async save(input: ParsedInput<'intake.mappings.save'>): Promise<SavedMapping> {
      const before = await getMapping(ctx.db, input.name);
      await ctx.db.transaction().execute(async (trx) => {
        await putMapping(trx, input.name, input.columns, now());
        await insertAudit(trx, audit('intake.mapping_saved', { name: input.name, columns: input.columns }, before ? { columns: before.columns } : null));
      });
      ctx.emit('changed', { entities: ['settings'] });
      const saved = await getMapping(ctx.db, input.name);
      if (!saved) throw new AppError('internal', 'The mapping was saved but could not be read back.');
      return saved;
    },

    async remove(name: string): Promise<Record<string, never>> {
      const deleted = await ctx.db.transaction().execute(async (trx) => {
        const n = await deleteMapping(trx, name);
        if (n) await insertAudit(trx, audit('intake.mapping_deleted', null, { name }));
        return n;
      });
      if (!deleted) throw new AppError('not_found', `There is no saved mapping named "${name}".`);
      ctx.emit('changed', { entities: ['settings'] });
      return {};
    },

    async synonyms(): Promise<AccessLevelSynonym[]> {
      await ensureDefaultSynonyms(ctx);
      return listSynonyms(ctx.db);
    },

    async saveSynonym(input: ParsedInput<'intake.synonyms.save'>): Promise<AccessLevelSynonym> {
      await ensureDefaultSynonyms(ctx);
      const levels = await listAccessLevels(ctx.db);
      const level = levels.find((l) => l.id === input.accessLevelId);
      if (!level) throw new AppError('invalid', 'Choose an access level from the list.', [{ field: 'accessLevelId', message: 'This access level is not on the list.' }]);
      const clash = levels.find((l) => textKey(l.name) === textKey(input.synonym) && l.id !== level.id);
      if (clash) throw new AppError('invalid', `"${input.synonym}" is the name of the level ${clash.name}; it cannot mean another level.`, [{ field: 'synonym', message: 'This is another level\'s name.' }]);
      const before = await findSynonym(ctx.db, input.synonym);
      await ctx.db.transaction().execute(async (trx) => {
        await putSynonym(trx, input.synonym, level.id, now());
        await insertAudit(trx, audit('intake.synonym_saved', { synonym: input.synonym, accessLevel: level.name }, before ? { accessLevel: before.accessLevelName } : null));
      });
      ctx.emit('changed', { entities: ['accessLevels'] });
      return { synonym: input.synonym, accessLevelId: level.id, accessLevelName: level.name };
    },

    async deleteSynonym(synonym: string): Promise<Record<string, never>> {
      await ensureDefaultSynonyms(ctx);
      const deleted = await ctx.db.transaction().execute(async (trx) => {
        const n = await deleteSynonym(trx, synonym);
        if (n) await insertAudit(trx, audit('intake.synonym_deleted', null, { synonym }));
        return n;
      });
      if (!deleted) throw new AppError('not_found', `"${synonym}" is not on the synonym list.`);
      ctx.emit('changed', { entities: ['accessLevels'] });
      return {};
    },
  };
}
