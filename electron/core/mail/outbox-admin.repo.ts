import { mailStatus, type MailStatus, type RecipientResult } from '../../../shared/domain/mail';
import { fromDb } from '../db/db-enums';
import type { Db } from '../db/open-database';
import { mailDb } from './mail-schema';

/** Failed or cancelled messages back to the queue, due now, with a fresh backoff. */
export async function requeue(trx: Db, target: { ids: number[] } | { allFailed: true }, nowIso: string): Promise<{ id: number; status: string }[]> {
  const m = mailDb(trx);
  const before = await m
    .selectFrom('mail_outbox')
    .select(['id', 'status'])
    .where('status', 'in', 'ids' in target ? ['failed', 'cancelled'] : ['failed'])
    .$if('ids' in target, (q) => q.where('id', 'in', 'ids' in target ? target.ids : []))
    .execute();
  if (before.length === 0) return [];
  await m
    .updateTable('mail_outbox')
    .set({ status: 'queued', next_attempt_at: nowIso, attempts: 0, last_error: null, claimed_at: null, updated_at: nowIso })
    .where('id', 'in', before.map((r) => r.id))
    .where('status', 'in', ['failed', 'cancelled'])
    .execute();
  return before;
}

/**
 * Stops a message not yet on its way. Returns its status before and whether it was cancelled;
 * undefined when there is no such message. The update is over the status read, so a sender
 * claiming the message at the same moment either wins whole or loses whole.
 */
export async function cancelOutbox(trx: Db, id: number, nowIso: string): Promise<{ was: MailStatus; cancelled: boolean } | undefined> {
  const was = await outboxStatus(trx, id);
  if (was !== 'queued' && was !== 'failed') return was && { was, cancelled: false };
  const result = await mailDb(trx)
    .updateTable('mail_outbox')
    .set({ status: 'cancelled', next_attempt_at: null, updated_at: nowIso })
    .where('id', '=', id)
    .where('status', '=', was)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return { was, cancelled: true };
  const now = await outboxStatus(trx, id);
  return now && { was: now, cancelled: false };
}

const statusOf = (status: string): MailStatus => fromDb(mailStatus, status, 'mail_outbox.status');

export async function outboxStatus(db: Db, id: number): Promise<MailStatus | undefined> {
  const row = await mailDb(db).selectFrom('mail_outbox').select('status').where('id', '=', id).executeTakeFirst();
  return row && statusOf(row.status);
}

/** Moves a freshly queued row into a later state, for sample data only (real rows move by sending). */
export async function setSampleState(
  trx: Db,
  id: number,
  state: { status: MailStatus; attempts: number; nextAttemptAt: string | null; lastError: string | null; recipients: RecipientResult[]; sentAt: string | null; createdAt: string },
): Promise<void> {
  await mailDb(trx)
    .updateTable('mail_outbox')
    .set({
      status: state.status,
      attempts: state.attempts,
      next_attempt_at: state.nextAttemptAt,
      last_error: state.lastError,
      recipient_results: JSON.stringify(state.recipients),
      sent_at: state.sentAt,
      created_at: state.createdAt,
      updated_at: state.sentAt ?? state.createdAt,
    })
    .where('id', '=', id)
    .execute();
}

/** Gives back messages this sender claimed but did not start (it is stopping): due again at once. */
export async function releaseClaims(db: Db, ids: readonly number[], nowIso: string): Promise<void> {
  if (ids.length === 0) return;
  await mailDb(db)
    .updateTable('mail_outbox')
    .set((eb) => ({ status: 'queued', claimed_at: null, next_attempt_at: nowIso, updated_at: nowIso, attempts: eb('attempts', '-', 1) }))
    .where('id', 'in', [...ids])
    .where('status', '=', 'sending')
    .execute();
}

/** Credentials drafts still on disk, saved before `beforeIso`: they hold a temporary password. */
export async function staleCredentialDrafts(db: Db, beforeIso: string): Promise<{ id: number; draftPath: string }[]> {
  const rows = await mailDb(db)
    .selectFrom('mail_outbox')
    .select(['id', 'draft_path'])
    .where('template', '=', 'credentials')
    .where('status', '=', 'drafted')
    .where('last_error', 'is', null)
    .where('updated_at', '<', beforeIso)
    .execute();
  return rows.map((r) => ({ id: r.id, draftPath: r.draft_path as string }));
}

/** The draft stays `drafted` (its path is kept, as the schema asks), with why the file is gone. */
export async function noteDraftDeleted(trx: Db, id: number, reason: string, nowIso: string): Promise<void> {
  await mailDb(trx).updateTable('mail_outbox').set({ last_error: reason, updated_at: nowIso }).where('id', '=', id).where('status', '=', 'drafted').execute();
}

/** A draft staff sent from their mail program. False when the row is not (or no longer) a draft. */
export async function markDraftSent(trx: Db, id: number, nowIso: string, keepPath: boolean): Promise<boolean> {
  const result = await mailDb(trx)
    .updateTable('mail_outbox')
    .set({ status: 'sent', sent_at: nowIso, updated_at: nowIso, ...(keepPath ? {} : { draft_path: null }) })
    .where('id', '=', id)
    .where('status', '=', 'drafted')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Every `sending` row back to the queue, due now: at startup, when every sender that could hold
 * them is known to be dead. The attempt it was on stays counted (it may have reached the server).
 */
export async function releaseEveryClaim(trx: Db, nowIso: string): Promise<number[]> {
  const rows = await mailDb(trx)
    .updateTable('mail_outbox')
    .set({ status: 'queued', claimed_at: null, next_attempt_at: nowIso, updated_at: nowIso })
    .where('status', '=', 'sending')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
