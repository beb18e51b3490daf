import { DEFAULT_DOCUMENT_LIMITS, documentLimits, type DocumentLimits } from '../../../shared/domain/document-queue';
import { insertAudit } from '../audit/audit.repo';
import { changedFields } from '../audit/changes';
import type { CoreContext } from '../context';
import type { Db } from '../db/open-database';
import { getSetting, putSetting } from '../settings/settings.repo';

const KEY = 'documents.limits';

export async function readLimits(db: Db): Promise<DocumentLimits> {
  const text = await getSetting(db, KEY);
  if (!text) return DEFAULT_DOCUMENT_LIMITS;
  // A value written by another version may lack a field; the defaults fill it in.
  const parsed = documentLimits.safeParse({ ...DEFAULT_DOCUMENT_LIMITS, ...(JSON.parse(text) as object) });
  return parsed.success ? parsed.data : DEFAULT_DOCUMENT_LIMITS;
}

export async function saveLimits(ctx: CoreContext, changes: Partial<DocumentLimits>): Promise<DocumentLimits> {
  const before = await readLimits(ctx.db);
  const after = documentLimits.parse({ ...before, ...changes });
  const diff = changedFields({ ...before }, { ...after });
  if (!diff) return before;
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await putSetting(trx, KEY, JSON.stringify(after));
    await insertAudit(trx, { at: now, operator: ctx.operator, action: 'settings.documents_limits', entity: 'setting', entityId: null, ...diff });
  });
  ctx.emit('changed', { entities: ['settings'] });
  return after;
}
