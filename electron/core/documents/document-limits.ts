import { DEFAULT_DOCUMENT_LIMITS, documentLimits, type DocumentLimits } from '../../../shared/domain/document-queue';
import { insertAudit } from '../audit/audit.repo';
import { changedFields } from '../audit/changes';
import type { CoreContext } from '../context';
import type { Db } from '../db/open-database';
import { AppError } from '../../../shared/app-error';
import { getSetting, replaceSetting } from '../settings/settings.repo';

const KEY = 'documents.limits';

function limitsOf(text: string | null): DocumentLimits {
  if (!text) return DEFAULT_DOCUMENT_LIMITS;
  // A value written by another version may lack a field; the defaults fill it in.
  const parsed = documentLimits.safeParse({ ...DEFAULT_DOCUMENT_LIMITS, ...(JSON.parse(text) as object) });
  return parsed.success ? parsed.data : DEFAULT_DOCUMENT_LIMITS;
}

export async function readLimits(db: Db): Promise<DocumentLimits> {
  return limitsOf(await getSetting(db, KEY));
}

/** Changes the fields given over the limits as read here: a save at the same moment is refused, not overwritten. */
export async function saveLimits(ctx: CoreContext, changes: Partial<DocumentLimits>): Promise<DocumentLimits> {
  const stored = await getSetting(ctx.db, KEY);
  const before = limitsOf(stored);
  const after = documentLimits.parse({ ...before, ...changes });
  const diff = changedFields({ ...before }, { ...after });
  if (!diff) return before;
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await replaceSetting(trx, KEY, stored, JSON.stringify(after)))) {
      throw new AppError('conflict', 'Someone else changed the document limits while you were editing them. Reload to see their change, then make yours again.');
    }
    await insertAudit(trx, { at: now, operator: ctx.operator, action: 'settings.documents_limits', entity: 'setting', entityId: null, ...diff });
  });
  ctx.emit('changed', { entities: ['settings'] });
  return after;
}
