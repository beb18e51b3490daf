import { rm } from 'node:fs/promises';
import { AppError } from '../../../shared/app-error';
import type { MailSummary } from '../../../shared/domain/mail';
import { insertAudit } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import { markDraftSent, noteDraftDeleted, outboxStatus, staleCredentialDrafts } from './outbox-admin.repo';
import { getOutbox } from './outbox.repo';

/** How long a credentials draft (with its temporary password in plain text) may stay on disk. */
export const CREDENTIAL_DRAFT_DAYS = 7;
const DAY_MS = 86_400_000;

export const DRAFT_EXPIRED = `This draft held a temporary password, so it was deleted ${CREDENTIAL_DRAFT_DAYS} days after it was saved. Issue credentials again for a new one.`;

async function removeFile(file: string): Promise<void> {
  await rm(file, { force: true });
}

/**
 * Deletes credentials drafts older than a week. Run at core start and before every sending run,
 * so a PC left on (or an app opened again after a month) does not keep passwords lying around.
 */
export async function sweepCredentialDrafts(ctx: CoreContext): Promise<number> {
  const now = ctx.clock.now();
  const stale = await staleCredentialDrafts(ctx.db, new Date(now.getTime() - CREDENTIAL_DRAFT_DAYS * DAY_MS).toISOString());
  for (const draft of stale) {
    await removeFile(draft.draftPath);
    const at = ctx.clock.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      await noteDraftDeleted(trx, draft.id, DRAFT_EXPIRED, at);
      await insertAudit(trx, { at, operator: ctx.operator, action: 'mail.draft_deleted', entity: 'mail', entityId: draft.id, after: { reason: 'expired' } });
    });
  }
  if (stale.length) ctx.emit('changed', { entities: ['mail'] });
  return stale.length;
}

/** Staff sent a draft from their mail program: the outbox says so, and a credentials draft is deleted. */
export async function markSent(ctx: CoreContext, id: number): Promise<MailSummary> {
  const mail = await getOutbox(ctx.db, id);
  if (!mail) throw new AppError('not_found', `There is no message number ${id} in the outbox.`);
  const secret = mail.template === 'credentials';
  const at = ctx.clock.now().toISOString();
  const marked = await ctx.db.transaction().execute(async (trx) => {
    if (!(await markDraftSent(trx, id, at, !secret))) return false;
    await insertAudit(trx, { at, operator: ctx.operator, action: 'mail.marked_sent', entity: 'mail', entityId: id, before: { status: 'drafted' }, after: { status: 'sent' } });
    return true;
  });
  if (!marked) {
    const was = await outboxStatus(ctx.db, id);
    throw new AppError('conflict', `This message is ${was === 'sent' ? 'already marked as sent' : 'not a saved draft'}, so it cannot be marked as sent. Reload the outbox to see it.`);
  }
  // After the commit: a failed delete leaves a file, never a row that says "draft" for a sent message.
  if (secret && mail.draftPath) await removeFile(mail.draftPath);
  ctx.emit('changed', { entities: ['mail', 'people'] });
  return (await getOutbox(ctx.db, id)) as MailSummary;
}
