import type { Generated, Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Rows of migration 002 exactly as SQLite stores them (JSON as text, ISO strings). */
export type MailTables = {
  mail_outbox: {
    id: Generated<number>;
    message_id: string;
    person_id: number | null;
    template: string;
    to_addrs: string;
    cc_addrs: Generated<string>;
    subject: string;
    text_body: string;
    html_body: string;
    attachments: Generated<string>;
    status: string;
    attempts: Generated<number>;
    next_attempt_at: string | null;
    claimed_at: string | null;
    last_error: string | null;
    recipient_results: Generated<string>;
    draft_path: string | null;
    sent_at: string | null;
    created_at: string;
    updated_at: string;
  };
  mail_templates: {
    key: string;
    subject: string;
    text_body: string;
    html_body: string;
    customized: number;
    updated_at: string;
  };
};

type MailDb = Kysely<Database & MailTables>;

/**
 * The mail tables are typed here rather than in db/schema.ts so the mail feature stays in its
 * own folder; `withTables` adds them to the same connection (and the same open transaction).
 */
export function mailDb(db: Kysely<Database>): MailDb {
  return db.withTables<MailTables>();
}
