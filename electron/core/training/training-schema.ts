import type { Generated, Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Rows of migration 005 exactly as SQLite stores them (0/1 booleans, JSON as text, ISO strings). */
// A type alias, not an interface: withTables needs an index-compatible record type.
export type TrainingTables = {
  training_materials: {
    id: Generated<number>;
    training_set: string;
    title: string;
    kind: string;
    url: string | null;
    file_sha256: string | null;
    file_name: string | null;
    content_type: string | null;
    minutes: number;
    sort_order: number;
    retired: Generated<number>;
    created_at: string;
    updated_at: string;
  };
  quizzes: {
    id: Generated<number>;
    title: string;
    kind: string;
    url: string | null;
    directions: string;
    archived: Generated<number>;
    created_at: string;
    updated_at: string;
  };
  quiz_versions: {
    id: Generated<number>;
    quiz_id: number;
    version: number;
    pass_mark: number;
    questions: string;
    max_score: number;
    created_at: string;
  };
  level_quizzes: { access_level_id: number; kind: string; quiz_id: number };
  training_sends: {
    id: Generated<number>;
    person_id: number;
    access_level_id: number;
    previous_access_level_id: number | null;
    material_titles: string;
    mail_id: number | null;
    sent_at: string;
  };
  training_send_quizzes: { send_id: number; quiz_id: number };
  quiz_attempts: {
    id: Generated<number>;
    person_id: number;
    quiz_id: number;
    quiz_version_id: number;
    taken_on: string;
    source: string;
    answers: string;
    marks: Generated<string>;
    score: number;
    max_score: number;
    percent: number;
    passed: number | null;
    response_key: string | null;
    results_sent_at: string | null;
    graded_at: string;
    updated_at: string;
    voided_at: Generated<string | null>;
    voided_by: Generated<string | null>;
    void_reason: Generated<string | null>;
  };
  credentials: {
    id: Generated<number>;
    person_id: number;
    username: string;
    certified_on: string;
    attempt_id: number | null;
    new_password: number;
    mail_id: number | null;
    note: string | null;
    issued_at: string;
  };
};

type TrainingDb = Kysely<Database & TrainingTables>;

/**
 * The training tables are typed here rather than in db/schema.ts so the feature stays in its own
 * folders; `withTables` adds them to the same connection (and the same open transaction).
 */
export function trainingDb(db: Kysely<Database>): TrainingDb {
  return db.withTables<TrainingTables>();
}
