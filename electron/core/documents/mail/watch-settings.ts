import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/app-error';
import { watchSettings, type WatchSettings } from '../../../../shared/domain/document-mail';
import { insertAudit } from '../../audit/audit.repo';
import type { CoreContext } from '../../context';
import type { Db } from '../../db/open-database';
import { getSetting, replaceSetting } from '../../settings/settings.repo';

const KEY = 'documents.watch';
const NONE: WatchSettings = { folder: null };

export async function readWatchSettings(db: Db): Promise<WatchSettings> {
  const text = await getSetting(db, KEY);
  const parsed = text ? watchSettings.safeParse(JSON.parse(text)) : null;
  return parsed?.success ? parsed.data : NONE;
}

/** A folder is saved only if it exists now: a typo would otherwise watch nothing, silently. */
export async function saveWatchSettings(ctx: CoreContext, input: WatchSettings): Promise<WatchSettings> {
  // Only a full path: a relative one would name a folder wherever the process happens to run.
  if (input.folder && !path.isAbsolute(input.folder)) {
    throw new AppError('invalid', `Give the full path of the folder to watch, not "${input.folder}".`, [{ field: 'folder', message: 'Use a full path.' }]);
  }
  const folder = input.folder ? path.resolve(input.folder) : null;
  if (folder && !(await fs.stat(folder).then((s) => s.isDirectory(), () => false))) {
    throw new AppError('invalid', `There is no folder ${folder} that this computer can reach. Create it (or check the network drive), then save again.`, [{ field: 'folder', message: 'Folder not found.' }]);
  }
  const stored = await getSetting(ctx.db, KEY);
  const before = await readWatchSettings(ctx.db);
  const after = { folder };
  if (before.folder === after.folder) return after;
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await replaceSetting(trx, KEY, stored, JSON.stringify(after)))) throw new AppError('conflict', 'Someone else changed the watched folder while you were editing it. Reload to see their change.');
    await insertAudit(trx, { at: ctx.clock.now().toISOString(), operator: ctx.operator, action: 'settings.documents_watch', entity: 'setting', entityId: null, before, after });
  });
  ctx.emit('changed', { entities: ['settings'] });
  return after;
}
