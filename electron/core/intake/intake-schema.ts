import type { Generated, Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Rows of migration 003 exactly as SQLite stores them (JSON as text, ISO strings). */
// A type alias, not an interface: withTables needs an index-compatible record type.
export type IntakeTables = {
  person_requests: {
    id: Generated<number>;
    person_id: number;
    type: string;
    status: string;
    access_level_id: number | null;
    previous_access_level_id: number | null;
    agency_id: number | null;
    note: string | null;
    created_at: string;
    updated_at: string;
    closed_at: string | null;
  };
  import_batches: {
    id: Generated<number>;
    file_name: string;
    file_sha256: string;
    mapping: string;
    counts: string;
    operator: string;
    created_at: string;
  };
  import_rows: { batch_id: number; row_number: number; row_hash: string; person_id: number; outcome: string };
  import_mappings: { name: string; columns: string; updated_at: string };
  access_level_synonyms: { synonym: string; access_level_id: number; created_at: string };
  not_duplicates: { person_a: number; person_b: number; created_at: string };
};

type IntakeDb = Kysely<Database & IntakeTables>;

/**
 * The intake tables are typed here rather than in db/schema.ts so the feature stays in its own
 * folder; `withTables` adds them to the same connection (and the same open transaction).
 */
export function intakeDb(db: Kysely<Database>): IntakeDb {
  return db.withTables<IntakeTables>();
}
