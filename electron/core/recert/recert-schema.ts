import type { Generated, Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { TrainingTables } from '../training/training-schema';

/** Rows of migration 008 exactly as SQLite stores them. */
// A type alias, not an interface: withTables needs an index-compatible record type.
export type RecertTables = {
  recert_policy: { id: number; cycle_kind: string; months: number; month: number; day: number; window_days: number; due_within_days: number; grace_days: number };
  certifications: {
    id: Generated<number>;
    person_id: number;
    kind: string;
    certified_on: string;
    anchor_on: string;
    hmis_user_name: string | null;
    attempt_id: number | null;
    credential_id: number | null;
    recorded_at: string;
    recorded_by: string;
  };
  recert_reminders: { id: Generated<number>; person_id: number; due_on: string; offset_days: number; mail_id: number | null; queued_on: string; queued_at: string };
  deactivations: {
    id: Generated<number>;
    person_id: number;
    reason: string;
    deactivated_on: string;
    confirmed_at: string;
    confirmed_by: string;
    note: string | null;
    reactivated_at: string | null;
    reactivated_by: string | null;
  };
};

export type RecertDb = Kysely<Database & TrainingTables & RecertTables>;

/** The recertification tables on the same connection (and the same open transaction). */
export function recertDb(db: Kysely<Database>): RecertDb {
  return db.withTables<TrainingTables & RecertTables>();
}
