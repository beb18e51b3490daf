import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Selectable } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import type { DocumentTables } from '../documents/documents-schema';
import type { IntakeTables } from '../intake/intake-schema';
import type { MailTables } from '../mail/mail-schema';
import type { RecertTables } from '../recert/recert-schema';
import type { TrainingTables } from '../training/training-schema';
import { openDatabase } from './open-database';
import type { Database } from './schema';
import { describeTables } from './table-info.repo';

/** Every table the features declare for Kysely: db/schema.ts plus each feature's `withTables`. */
type AllTables = Database & MailTables & IntakeTables & DocumentTables & TrainingTables & RecertTables;

type SqlTypeOf<V> = [NonNullable<V>] extends [string] ? 'TEXT' : [NonNullable<V>] extends [number] ? 'INTEGER' | 'REAL' : [NonNullable<V>] extends [Uint8Array] ? 'BLOB' : never;
type ColumnSpec<V> = null extends V ? `${SqlTypeOf<V>} NULL` : SqlTypeOf<V>;

/**
 * The columns of each table, written out once more. TypeScript holds this list to the Kysely
 * types (a column missing here, or here but not in the type, or typed string here but number
 * there, or nullable in one and not the other, fails `npm run typecheck`), and the test below
 * holds it to what the migrations made. Together: a migration and its Kysely type cannot drift.
 */
const COLUMNS: { [T in keyof AllTables]: { [C in keyof Selectable<AllTables[T]>]-?: ColumnSpec<Selectable<AllTables[T]>[C]> } } = {
  access_level_synonyms: { synonym: 'TEXT', access_level_id: 'INTEGER', created_at: 'TEXT' },
  access_levels: { id: 'INTEGER', name: 'TEXT', includes_assessments: 'INTEGER', training_sets: 'TEXT', sort_order: 'INTEGER' },
  agencies: { id: 'INTEGER', name: 'TEXT', address: 'TEXT NULL', phone: 'TEXT NULL', contact_name: 'TEXT NULL', contact_email: 'TEXT NULL', created_at: 'TEXT', updated_at: 'TEXT' },
  audit: { id: 'INTEGER', at: 'TEXT', operator: 'TEXT', action: 'TEXT', entity: 'TEXT', entity_id: 'INTEGER NULL', before: 'TEXT NULL', after: 'TEXT NULL', note: 'TEXT NULL', prev_hash: 'TEXT NULL', hash: 'TEXT NULL' },
  credentials: { id: 'INTEGER', person_id: 'INTEGER', username: 'TEXT', certified_on: 'TEXT', attempt_id: 'INTEGER NULL', new_password: 'INTEGER', mail_id: 'INTEGER NULL', note: 'TEXT NULL', issued_at: 'TEXT' },
  documents: { id: 'INTEGER', person_id: 'INTEGER', kind: 'TEXT', status: 'TEXT', file_name: 'TEXT', file_sha256: 'TEXT', file_size: 'INTEGER', page_count: 'INTEGER', findings: 'TEXT', form_values: 'TEXT', uploaded_at: 'TEXT', uploaded_by: 'TEXT', reviewed_at: 'TEXT NULL', reviewed_by: 'TEXT NULL', reject_reasons: 'TEXT', reject_note: 'TEXT NULL', replaces_id: 'INTEGER NULL', message_id: 'INTEGER NULL' },
  document_messages: { id: 'INTEGER', file_name: 'TEXT', file_sha256: 'TEXT', file_size: 'INTEGER', format: 'TEXT', from_address: 'TEXT NULL', from_name: 'TEXT NULL', to_addrs: 'TEXT', sent_at: 'TEXT NULL', subject: 'TEXT NULL', received_at: 'TEXT', received_by: 'TEXT' },
  documents_to_sort: { id: 'INTEGER', file_name: 'TEXT', file_sha256: 'TEXT', file_size: 'INTEGER', message_id: 'INTEGER NULL', recognition: 'TEXT', source: 'TEXT', added_at: 'TEXT', added_by: 'TEXT' },
  import_batches: { id: 'INTEGER', file_name: 'TEXT', file_sha256: 'TEXT', mapping: 'TEXT', counts: 'TEXT', operator: 'TEXT', created_at: 'TEXT' },
  import_mappings: { name: 'TEXT', columns: 'TEXT', updated_at: 'TEXT' },
  import_rows: { batch_id: 'INTEGER', row_number: 'INTEGER', row_hash: 'TEXT', person_id: 'INTEGER', outcome: 'TEXT' },
  level_quizzes: { access_level_id: 'INTEGER', kind: 'TEXT', quiz_id: 'INTEGER' },
  mail_outbox: { id: 'INTEGER', message_id: 'TEXT', person_id: 'INTEGER NULL', template: 'TEXT', to_addrs: 'TEXT', cc_addrs: 'TEXT', subject: 'TEXT', text_body: 'TEXT', html_body: 'TEXT', attachments: 'TEXT', status: 'TEXT', attempts: 'INTEGER', next_attempt_at: 'TEXT NULL', claimed_at: 'TEXT NULL', last_error: 'TEXT NULL', recipient_results: 'TEXT', draft_path: 'TEXT NULL', sent_at: 'TEXT NULL', created_at: 'TEXT', updated_at: 'TEXT' },
  mail_templates: { key: 'TEXT', subject: 'TEXT', text_body: 'TEXT', html_body: 'TEXT', customized: 'INTEGER', updated_at: 'TEXT' },
  not_duplicates: { person_a: 'INTEGER', person_b: 'INTEGER', created_at: 'TEXT' },
  people: { id: 'INTEGER', first_name: 'TEXT', last_name: 'TEXT', email: 'TEXT', phone: 'TEXT NULL', agency_id: 'INTEGER', supervisor_name: 'TEXT NULL', supervisor_email: 'TEXT NULL', access_level_id: 'INTEGER', request_type: 'TEXT', registered_on: 'TEXT', notes: 'TEXT NULL', created_at: 'TEXT', updated_at: 'TEXT', stage: 'TEXT', current_forms: 'INTEGER', recert_due_on: 'TEXT NULL' },
  person_requests: { id: 'INTEGER', person_id: 'INTEGER', type: 'TEXT', status: 'TEXT', access_level_id: 'INTEGER NULL', previous_access_level_id: 'INTEGER NULL', agency_id: 'INTEGER NULL', note: 'TEXT NULL', created_at: 'TEXT', updated_at: 'TEXT', closed_at: 'TEXT NULL' },
  recert_policy: { id: 'INTEGER', cycle_kind: 'TEXT', months: 'INTEGER', month: 'INTEGER', day: 'INTEGER', window_days: 'INTEGER', due_within_days: 'INTEGER', grace_days: 'INTEGER' },
  certifications: { id: 'INTEGER', person_id: 'INTEGER', kind: 'TEXT', certified_on: 'TEXT', anchor_on: 'TEXT', hmis_user_name: 'TEXT NULL', attempt_id: 'INTEGER NULL', credential_id: 'INTEGER NULL', recorded_at: 'TEXT', recorded_by: 'TEXT' },
  recert_reminders: { id: 'INTEGER', person_id: 'INTEGER', due_on: 'TEXT', offset_days: 'INTEGER', mail_id: 'INTEGER NULL', queued_on: 'TEXT', queued_at: 'TEXT' },
  deactivations: { id: 'INTEGER', person_id: 'INTEGER', reason: 'TEXT', deactivated_on: 'TEXT', confirmed_at: 'TEXT', confirmed_by: 'TEXT', note: 'TEXT NULL', reactivated_at: 'TEXT NULL', reactivated_by: 'TEXT NULL' },
  quiz_attempts: { id: 'INTEGER', person_id: 'INTEGER', quiz_id: 'INTEGER', quiz_version_id: 'INTEGER', taken_on: 'TEXT', source: 'TEXT', answers: 'TEXT', marks: 'TEXT', score: 'INTEGER', max_score: 'INTEGER', percent: 'INTEGER', passed: 'INTEGER NULL', response_key: 'TEXT NULL', results_sent_at: 'TEXT NULL', graded_at: 'TEXT', updated_at: 'TEXT', voided_at: 'TEXT NULL', voided_by: 'TEXT NULL', void_reason: 'TEXT NULL' },
  quiz_versions: { id: 'INTEGER', quiz_id: 'INTEGER', version: 'INTEGER', pass_mark: 'INTEGER', questions: 'TEXT', max_score: 'INTEGER', created_at: 'TEXT' },
  quizzes: { id: 'INTEGER', title: 'TEXT', kind: 'TEXT', url: 'TEXT NULL', directions: 'TEXT', archived: 'INTEGER', created_at: 'TEXT', updated_at: 'TEXT' },
  schema_migrations: { version: 'INTEGER', name: 'TEXT', checksum: 'TEXT', applied_at: 'TEXT' },
  settings: { key: 'TEXT', value: 'TEXT' },
  training_materials: { id: 'INTEGER', training_set: 'TEXT', title: 'TEXT', kind: 'TEXT', url: 'TEXT NULL', file_sha256: 'TEXT NULL', file_name: 'TEXT NULL', content_type: 'TEXT NULL', minutes: 'INTEGER', sort_order: 'INTEGER', retired: 'INTEGER', created_at: 'TEXT', updated_at: 'TEXT' },
  training_send_quizzes: { send_id: 'INTEGER', quiz_id: 'INTEGER' },
  training_sends: { id: 'INTEGER', person_id: 'INTEGER', access_level_id: 'INTEGER', previous_access_level_id: 'INTEGER NULL', material_titles: 'TEXT', mail_id: 'INTEGER NULL', sent_at: 'TEXT' },
};

const dir = mkdtempSync(path.join(tmpdir(), 'hmis-table-info-'));
const database = openDatabase(path.join(dir, 'hmis.sqlite'), '2026-11-28T15:00:00.000Z');
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

it('every table of a freshly migrated database has exactly the columns of its Kysely type', () => {
  const actual = Object.fromEntries(
    [...describeTables(database.sqlite)].map(([table, columns]) => [table, Object.fromEntries(columns.map((c) => [c.name, `${c.type}${c.nullable ? ' NULL' : ''}`]))]),
  );
  expect(actual).toEqual(COLUMNS);
});
