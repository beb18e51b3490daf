import type { MailStatus, RecipientResult } from '../../../shared/domain/mail';
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
    .execute();
  return before;
}

/** Stops a message not yet on its way. Returns its status before, or undefined if it cannot be cancelled. */
export async function cancelOutbox(trx: Db, id: number, nowIso: string): Promise<MailStatus | undefined> {
  const m = mailDb(trx);
  const row = await m.selectFrom('mail_outbox').select('status').where('id', '=', id).executeTakeFirst();
  if (!row || (row.status !== 'queued' && row.status !== 'failed')) return row?.status as MailStatus | undefined;
  await m.updateTable('mail_outbox').set({ status: 'cancelled', next_attempt_at: null, updated_at: nowIso }).where('id', '=', id).execute();
  return row.status as MailStatus;
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
