import type { Generated, Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Rows of migration 004 exactly as SQLite stores them (JSON as text, ISO strings). */
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
