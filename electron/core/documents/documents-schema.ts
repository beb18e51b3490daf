import type { Generated, Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Rows of migrations 004 and 012 exactly as SQLite stores them (JSON as text, ISO strings). */
// A type alias, not an interface: withTables needs an index-compatible record type.
export type DocumentTables = {
  documents: {
    id: Generated<number>;
    person_id: number;
    kind: string;
    status: string;
    file_name: string;
    file_sha256: string;
    file_size: number;
    page_count: number;
    findings: string;
    form_values: string;
    uploaded_at: string;
    uploaded_by: string;
    reviewed_at: string | null;
    reviewed_by: string | null;
    reject_reasons: Generated<string>;
    reject_note: string | null;
    replaces_id: number | null;
    message_id: Generated<number | null>;
  };
  document_messages: {
    id: Generated<number>;
    file_name: string;
    file_sha256: string;
    file_size: number;
    format: string;
    from_address: string | null;
    from_name: string | null;
    to_addrs: Generated<string>;
    sent_at: string | null;
    subject: string | null;
    received_at: string;
    received_by: string;
  };
  documents_to_sort: {
    id: Generated<number>;
    file_name: string;
    file_sha256: string;
    file_size: number;
    message_id: number | null;
    recognition: string;
    source: string;
    added_at: string;
    added_by: string;
  };
};

type DocumentDb = Kysely<Database & DocumentTables>;

/**
 * The documents table is typed here rather than in db/schema.ts so the feature stays in its own
 * folder; `withTables` adds it to the same connection (and the same open transaction).
 */
export function documentDb(db: Kysely<Database>): DocumentDb {
  return db.withTables<DocumentTables>();
}
