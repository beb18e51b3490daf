import type { Generated } from 'kysely';

/** Row types exactly as SQLite stores them (0/1 booleans, JSON as text, ISO strings). */
export interface Database {
  settings: { key: string; value: string };
  agencies: {
    id: Generated<number>;
    name: string;
    address: string | null;
    phone: string | null;
    contact_name: string | null;
    contact_email: string | null;
    created_at: string;
    updated_at: string;
  };
  access_levels: {
    id: Generated<number>;
    name: string;
    includes_assessments: number;
    training_sets: string;
    sort_order: number;
  };
  people: {
    id: Generated<number>;
    first_name: string;
    last_name: string;
    email: string;
    phone: string | null;
    agency_id: number;
    supervisor_name: string | null;
    supervisor_email: string | null;
    access_level_id: number;
    request_type: string;
    registered_on: string;
    notes: string | null;
    created_at: string;
    updated_at: string;
    /** Written only by migration 007's triggers: the stage the facts give (people/stage.repo.ts). */
    stage: Generated<string>;
    /** Written only by migration 007's triggers: signed forms on file, 0–2. */
    current_forms: Generated<number>;
    /** Written only by migration 008's triggers: the due date of the latest certification under the policy. */
    recert_due_on: Generated<string | null>;
  };
  audit: {
    id: Generated<number>;
    at: string;
    operator: string;
    action: string;
    entity: string;
    entity_id: number | null;
    before: string | null;
    after: string | null;
    note: string | null;
    /** Migration 013's chain: the previous row's hash, and this row's (audit/audit-chain.ts). */
    prev_hash: string | null;
    hash: string | null;
  };
  schema_migrations: { version: number; name: string; checksum: string; applied_at: string };
}
