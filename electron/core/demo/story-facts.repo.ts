import { sql } from 'kysely';
import type { Db } from '../db/open-database';
import type { DocumentTables } from '../documents/documents-schema';
import type { PersonRow } from '../people/people.repo';
import { runChunked } from '../quizzes/chunked.repo';
import type { RecertTables } from '../recert/recert-schema';
import type { TrainingTables } from '../training/training-schema';
import { SAMPLE_FORM_VALUES } from './sample-files';

/**
 * The sample office's people and the facts of their stories, written in bulk in the order they
 * happened: people, their forms, training, attempts, credentials, deactivations. The triggers of
 * migrations 007–009 keep each person's stage, certification and due date as they do for every
 * write; only the registration requests are closed here, as issuing credentials does.
 */

export interface SamplePerson extends PersonRow {
  id: number;
  createdAt: string;
  updatedAt: string;
}

export interface SampleDocument {
  personId: number;
  kind: 'staff_verification' | 'end_user_agreement';
  fileName: string;
  sha256: string;
  size: number;
  pageCount: number;
  uploadedAt: string;
  reviewedAt: string;
}

export interface SampleSend {
  id: number;
  personId: number;
  accessLevelId: number;
  materialTitles: string;
  quizIds: readonly number[];
  sentAt: string;
}

export interface SampleAttempt {
  id: number;
  personId: number;
  quizId: number;
  quizVersionId: number;
  takenOn: string;
  answers: string;
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  gradedAt: string;
}

export interface SampleCredential {
  personId: number;
  username: string;
  certifiedOn: string;
  attemptId: number;
  issuedAt: string;
}

export interface SampleDeactivation {
  personId: number;
  deactivatedOn: string;
  confirmedAt: string;
}

export interface SampleFacts {
  people: SamplePerson[];
  documents: SampleDocument[];
  sends: SampleSend[];
  attempts: SampleAttempt[];
  credentials: SampleCredential[];
  deactivations: SampleDeactivation[];
}

const storyDb = (db: Db) => db.withTables<DocumentTables & TrainingTables & RecertTables>();

/** The next free id of each table the seed numbers itself (it links rows before they exist). */
export async function nextIds(trx: Db): Promise<{ person: number; send: number; attempt: number }> {
  const row = await sql<{ person: number; send: number; attempt: number }>`SELECT
      coalesce((SELECT max(id) FROM people), 0) + 1 AS person,
      coalesce((SELECT max(id) FROM training_sends), 0) + 1 AS send,
      coalesce((SELECT max(id) FROM quiz_attempts), 0) + 1 AS attempt`.execute(trx);
  const ids = row.rows[0];
  return { person: Number(ids?.person ?? 1), send: Number(ids?.send ?? 1), attempt: Number(ids?.attempt ?? 1) };
}

const SAMPLE_VALUES_JSON = JSON.stringify(SAMPLE_FORM_VALUES);

/** Rows a statement: each statement is prepared afresh (with the triggers compiled in), so few and large. */
const ROWS = (columns: number) => Math.floor(32_000 / columns);

async function insertDocuments(trx: Db, docs: readonly SampleDocument[], operator: string): Promise<number[]> {
  const t = storyDb(trx);
  const columns = (d: SampleDocument) => ({
    person_id: d.personId,
    kind: d.kind,
    status: 'accepted',
    file_name: d.fileName,
    file_sha256: d.sha256,
    file_size: d.size,
    page_count: d.pageCount,
    findings: '[]',
    form_values: SAMPLE_VALUES_JSON,
    uploaded_at: d.uploadedAt,
    uploaded_by: operator,
    reviewed_at: d.reviewedAt,
    reviewed_by: operator,
  });
  // SQLite's RETURNING follows insertion order for a multi-row VALUES insert into a rowid table.
  const rows = await runChunked(trx, docs, ROWS(13), (chunk) => t.insertInto('documents').values(chunk.map(columns)).returning('id'), (d) => Object.values(columns(d)));
  return rows.map((r) => r.id);
}

async function insertFacts(trx: Db, facts: SampleFacts, operator: string): Promise<number[]> {
  const t = storyDb(trx);
  const documentIds = await insertDocuments(trx, facts.documents, operator);
  const send = (s: SampleSend) => ({ id: s.id, person_id: s.personId, access_level_id: s.accessLevelId, previous_access_level_id: null, material_titles: s.materialTitles, mail_id: null, sent_at: s.sentAt });
  await runChunked(trx, facts.sends, ROWS(7), (chunk) => t.insertInto('training_sends').values(chunk.map(send)), (s) => Object.values(send(s)));
  const links = facts.sends.flatMap((s) => s.quizIds.map((quizId) => ({ send_id: s.id, quiz_id: quizId })));
  await runChunked(trx, links, ROWS(2), (chunk) => t.insertInto('training_send_quizzes').values([...chunk]), (l) => [l.send_id, l.quiz_id]);
  const attempt = (a: SampleAttempt) => ({
    id: a.id,
    person_id: a.personId,
    quiz_id: a.quizId,
    quiz_version_id: a.quizVersionId,
    taken_on: a.takenOn,
    source: 'google_forms',
    answers: a.answers,
    marks: '{}',
    score: a.score,
    max_score: a.maxScore,
    percent: a.percent,
    passed: a.passed ? 1 : 0,
    response_key: null,
    graded_at: a.gradedAt,
    updated_at: a.gradedAt,
  });
  await runChunked(trx, facts.attempts, ROWS(15), (chunk) => t.insertInto('quiz_attempts').values(chunk.map(attempt)), (a) => Object.values(attempt(a)));
  // Migration 008's trigger records each first certification as the credentials go in.
  const credential = (c: SampleCredential) => ({ person_id: c.personId, username: c.username, certified_on: c.certifiedOn, attempt_id: c.attemptId, new_password: 1, mail_id: null, note: 'Sample data', issued_at: c.issuedAt });
  await runChunked(trx, facts.credentials, ROWS(9), (chunk) => t.insertInto('credentials').values(chunk.map(credential)), (c) => Object.values(credential(c)));
  const deactivation = (d: SampleDeactivation) => ({ person_id: d.personId, reason: 'lapsed', deactivated_on: d.deactivatedOn, confirmed_at: d.confirmedAt, confirmed_by: operator, note: 'Sample data' });
  await runChunked(trx, facts.deactivations, ROWS(6), (chunk) => t.insertInto('deactivations').values(chunk.map(deactivation)), (d) => Object.values(deactivation(d)));
  return documentIds;
}

async function insertSamplePeople(trx: Db, people: readonly SamplePerson[]): Promise<void> {
  const t = storyDb(trx);
  const columns = (p: SamplePerson) => ({
    id: p.id,
    first_name: p.firstName,
    last_name: p.lastName,
    email: p.email,
    phone: p.phone,
    agency_id: p.agencyId,
    supervisor_name: p.supervisorName,
    supervisor_email: p.supervisorEmail,
    access_level_id: p.accessLevelId,
    request_type: p.requestType,
    registered_on: p.registeredOn,
    notes: p.notes,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  });
  await runChunked(trx, people, ROWS(14), (chunk) => t.insertInto('people').values(chunk.map(columns)), (p) => Object.values(columns(p)));
}

/** Issuing credentials answers the registration (credentials-service does the same). */
async function completeRequests(trx: Db, personIds: readonly number[]): Promise<void> {
  for (let i = 0; i < personIds.length; i += 5_000) {
    // Driven by the requests' person index: each closes at its person's credentials.
    await sql`UPDATE person_requests
      SET status = 'completed',
        closed_at = (SELECT max(c.issued_at) FROM credentials AS c WHERE c.person_id = person_requests.person_id),
        updated_at = (SELECT max(c.issued_at) FROM credentials AS c WHERE c.person_id = person_requests.person_id)
      WHERE person_requests.person_id IN (${sql.join(personIds.slice(i, i + 5_000))})
        AND person_requests.type IN ('new_user', 'change_access') AND person_requests.status = 'open'`.execute(trx);
  }
}

/**
 * One chunk of sample people and their facts, in the caller's transaction; returns the new
 * documents' ids in the order given.
 */
export async function writeSampleFacts(trx: Db, facts: SampleFacts, operator: string): Promise<number[]> {
  await insertSamplePeople(trx, facts.people);
  const documentIds = await insertFacts(trx, facts, operator);
  if (facts.credentials.length) await completeRequests(trx, facts.credentials.map((c) => c.personId));
  return documentIds;
}
