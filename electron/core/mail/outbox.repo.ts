import { sql, type ExpressionBuilder } from 'kysely';
import type { MailAddress, MailAttachment, MailDetail, MailStatus, MailSummary, RecipientResult } from '../../../shared/domain/mail';
import { MAIL_STATUSES, mailStatus, mailTemplateKey } from '../../../shared/domain/mail';
import type { MailTemplateKey } from '../../../shared/domain/mail-templates';
import { fromDb } from '../db/db-enums';
import type { Db } from '../db/open-database';
import { runChunked } from '../quizzes/chunked.repo';
import type { Database } from '../db/schema';
import { mailDb, type MailTables } from './mail-schema';
import { PAUSED_KEY } from './settings/mail-settings-store';

export interface NewOutboxRow {
  messageId: string;
  personId: number | null;
  template: MailTemplateKey;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}

/** What the sender needs of a claimed row to build the message. */
export interface ClaimedMail {
  id: number;
  messageId: string;
  template: MailTemplateKey;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  attempts: number;
}

/** One attempt's outcome as the sender writes it back. */
export interface MailOutcome {
  id: number;
  status: Extract<MailStatus, 'sent' | 'failed' | 'queued' | 'drafted'>;
  lastError: string | null;
  nextAttemptAt: string | null;
  recipients: RecipientResult[];
  draftPath: string | null;
  sentAt: string | null;
}

const json = <T>(text: string) => JSON.parse(text) as T;

const INSERT_CHUNK = 400; // 13 values a row keeps each statement far below SQLite's variable limit

/** Many messages in a few statements; returns the new ids by Message-ID (RETURNING has no order). */
export async function insertOutbox(trx: Db, rows: readonly NewOutboxRow[], nowIso: string): Promise<Map<string, number>> {
  const columns = (row: NewOutboxRow) => ({
    message_id: row.messageId,
    person_id: row.personId,
    template: row.template,
    to_addrs: JSON.stringify(row.to),
    cc_addrs: JSON.stringify(row.cc),
    subject: row.subject,
    text_body: row.text,
    html_body: row.html,
    attachments: JSON.stringify(row.attachments),
    status: 'queued',
    next_attempt_at: nowIso,
    created_at: nowIso,
    updated_at: nowIso,
  });
  const inserted = await runChunked(
    trx,
    rows,
    INSERT_CHUNK,
    (chunk) => mailDb(trx).insertInto('mail_outbox').values(chunk.map(columns)).returning(['id', 'message_id']),
    (row) => Object.values(columns(row)),
  );
  const ids = new Map<string, number>();
  for (const r of inserted) ids.set(r.message_id, r.id);
  return ids;
}

function selectSummary(db: Db) {
  return mailDb(db)
    .selectFrom('mail_outbox as m')
    .leftJoin('people as p', 'p.id', 'm.person_id')
    .select([
      'm.id',
      'm.message_id',
      'm.person_id',
      sql<string | null>`p.first_name || ' ' || p.last_name`.as('person_name'),
      'm.template',
      'm.to_addrs',
      'm.cc_addrs',
      'm.subject',
      'm.status',
      'm.attempts',
      'm.next_attempt_at',
      'm.last_error',
      'm.sent_at',
      'm.draft_path',
      'm.created_at',
      'm.updated_at',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof selectSummary>['executeTakeFirstOrThrow']>>;

function toSummary(row: SummaryRow): MailSummary {
  return {
    id: row.id,
    messageId: row.message_id,
    personId: row.person_id,
    personName: row.person_name,
    template: fromDb(mailTemplateKey, row.template, 'mail_outbox.template'),
    to: json<MailAddress[]>(row.to_addrs),
    cc: json<MailAddress[]>(row.cc_addrs),
    subject: row.subject,
    status: fromDb(mailStatus, row.status, 'mail_outbox.status'),
    attempts: row.attempts,
    nextAttemptAt: row.status === 'queued' ? row.next_attempt_at : null,
    lastError: row.last_error,
    sentAt: row.sent_at,
    draftPath: row.draft_path,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getOutbox(db: Db, id: number): Promise<MailDetail | undefined> {
  const row = await selectSummary(db)
    .select(['m.text_body', 'm.html_body', 'm.attachments', 'm.recipient_results'])
    .where('m.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...toSummary(row),
    text: row.text_body,
    html: row.html_body,
    attachments: json<MailAttachment[]>(row.attachments),
    recipients: json<RecipientResult[]>(row.recipient_results),
  };
}

interface OutboxFilter {
  status?: MailStatus;
  personId?: number;
  offset: number;
  limit: number;
}

export async function listOutbox(db: Db, filter: OutboxFilter): Promise<{ total: number; items: MailSummary[] }> {
  let query = selectSummary(db);
  let count = mailDb(db).selectFrom('mail_outbox as m').select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter.status) {
    query = query.where('m.status', '=', filter.status);
    count = count.where('m.status', '=', filter.status);
  }
  if (filter.personId !== undefined) {
    query = query.where('m.person_id', '=', filter.personId);
    count = count.where('m.person_id', '=', filter.personId);
  }
  const [rows, total] = await Promise.all([query.orderBy('m.id', 'desc').limit(filter.limit).offset(filter.offset).execute(), count.executeTakeFirstOrThrow()]);
  return { total: Number(total.n), items: rows.map(toSummary) };
}

export async function countOutbox(db: Db): Promise<{ counts: Record<MailStatus, number>; partlyFailed: number; nextAttemptAt: string | null }> {
  const rows = await mailDb(db)
    .selectFrom('mail_outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('next_attempt_at').as('next')])
    .groupBy('status')
    .execute();
  const partly = await mailDb(db)
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'sent')
    .where('last_error', 'is not', null)
    .executeTakeFirstOrThrow();
  const counts = Object.fromEntries(MAIL_STATUSES.map((s) => [s, 0])) as Record<MailStatus, number>;
  let nextAttemptAt: string | null = null;
  for (const row of rows) {
    counts[fromDb(mailStatus, row.status, 'mail_outbox.status')] = Number(row.n);
    if (row.status === 'queued') nextAttemptAt = row.next as string | null;
  }
  return { counts, partlyFailed: Number(partly.n), nextAttemptAt };
}

function toClaimed(row: { id: number; message_id: string; template: string; to_addrs: string; cc_addrs: string; subject: string; text_body: string; html_body: string; attachments: string; attempts: number }): ClaimedMail {
  return {
    id: row.id,
    messageId: row.message_id,
    template: fromDb(mailTemplateKey, row.template, 'mail_outbox.template'),
    to: json<MailAddress[]>(row.to_addrs),
    cc: json<MailAddress[]>(row.cc_addrs),
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    attachments: json<MailAttachment[]>(row.attachments),
    attempts: row.attempts,
  };
}

/**
 * Part of every claim's own statement, so a pause that lands between a sender's look at the
 * setting and its claim still stops the claim. (Messages already handed to the server finish.)
 */
const notPaused = (eb: ExpressionBuilder<Database & MailTables, 'mail_outbox'>) =>
  eb.not(eb.exists(eb.selectFrom('settings').select('key').where('key', '=', PAUSED_KEY).where('value', '=', 'true')));

const CLAIMED_COLUMNS = ['id', 'message_id', 'template', 'to_addrs', 'cc_addrs', 'subject', 'text_body', 'html_body', 'attachments', 'attempts'] as const;

/**
 * Marks up to `limit` due messages `sending` and returns them, in one statement, so two senders
 * (the app and a scheduled CLI run) never take the same row. A row left `sending` since before
 * `staleBefore` belonged to a sender that died: it is taken again (the at-least-once path).
 */
export async function claimDue(db: Db, nowIso: string, staleBefore: string, limit: number, options: { evenIfPaused?: boolean } = {}): Promise<ClaimedMail[]> {
  const m = mailDb(db);
  const due = m
    .selectFrom('mail_outbox')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', nowIso)]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<=', staleBefore)]),
      ]),
    )
    .$if(!options.evenIfPaused, (q) => q.where(notPaused))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit);
  const rows = await m
    .updateTable('mail_outbox')
    .set((eb) => ({ status: 'sending', claimed_at: nowIso, updated_at: nowIso, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due)
    .returning(CLAIMED_COLUMNS)
    .execute();
  return rows.map(toClaimed).sort((a, b) => a.id - b.id);
}

/**
 * Claims one queued message whatever its next-attempt time (the test message, credentials), but
 * never while sending is paused: "send now" is not a way around the pause.
 */
export async function claimOne(db: Db, id: number, nowIso: string): Promise<ClaimedMail | undefined> {
  const row = await mailDb(db)
    .updateTable('mail_outbox')
    .set((eb) => ({ status: 'sending', claimed_at: nowIso, updated_at: nowIso, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .where(notPaused)
    .returning(CLAIMED_COLUMNS)
    .executeTakeFirst();
  return row && toClaimed(row);
}

/** Writes a batch of outcomes; only rows still `sending` change (a cancel or another sender wins). */
export async function writeOutcomes(trx: Db, outcomes: readonly MailOutcome[], nowIso: string): Promise<number[]> {
  const written: number[] = [];
  const m = mailDb(trx);
  for (const o of outcomes) {
    const result = await m
      .updateTable('mail_outbox')
      .set({
        status: o.status,
        last_error: o.lastError,
        next_attempt_at: o.nextAttemptAt,
        recipient_results: JSON.stringify(o.recipients),
        draft_path: o.draftPath,
        sent_at: o.sentAt,
        claimed_at: null,
        updated_at: nowIso,
      })
      .where('id', '=', o.id)
      .where('status', '=', 'sending')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) written.push(o.id);
  }
  return written;
}
