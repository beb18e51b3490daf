import { sql, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import { documentKind, rejectReason, type DocumentKind } from '../../../shared/domain/document';
import type { PendingListOutput, PendingRow, PendingSection, pendingListInput } from '../../../shared/domain/document-queue';
import { fromDb, listFromDb } from '../db/db-enums';
import type { Db } from '../db/open-database';
import { parseDocumentStates } from '../people/stage.repo';
import { daysBetween } from './words';

type PendingQuery = z.output<typeof pendingListInput>;

const agencyFilter = (agencyId: number | undefined) => (agencyId === undefined ? sql`` : sql`AND p.agency_id = ${agencyId}`);
/** For a count of documents: without an agency, the status index alone answers it. */
const documentAgencyFilter = (agencyId: number | undefined) => (agencyId === undefined ? sql`` : sql`AND d.person_id IN (SELECT id FROM people WHERE agency_id = ${agencyId})`);

/**
 * Fewer than two current forms, and not on their way out: someone still has to send one. The
 * count is stored (migration 007) and this is exactly the condition of its partial index, so the
 * section's page and count read only its members.
 */
const MISSING = sql`p.current_forms < 2 AND p.request_type <> 'deactivation'`;

const PERSON_COLUMNS = sql`p.id AS personId, p.first_name || ' ' || p.last_name AS personName, p.email, p.agency_id AS agencyId, a.name AS agencyName, p.registered_on AS registeredOn,
  (SELECT max(m.created_at) FROM mail_outbox m WHERE m.person_id = p.id AND m.template = 'documents_reminder') AS lastReminderAt`;

interface RawRow {
  personId: number;
  personName: string;
  email: string;
  agencyId: number;
  agencyName: string;
  registeredOn: string;
  lastReminderAt: string | null;
  states?: string | null;
  documentId?: number;
  kind?: string;
  fileName?: string;
  waitingSince?: string;
  rejectReasons?: string;
  problems?: number;
  checks?: number;
}

/** The oldest wait first means the earliest date first. */
const order = (q: PendingQuery) => (q.direction === 'desc' ? sql`ASC` : sql`DESC`);

function sectionQuery(q: PendingQuery): RawBuilder<RawRow> {
  const page = sql`LIMIT ${q.limit} OFFSET ${q.offset}`;
  if (q.section === 'missing') {
    return sql<RawRow>`SELECT ${PERSON_COLUMNS},
        (SELECT group_concat(d.kind || ':' || d.status) FROM documents d WHERE d.person_id = p.id AND d.status <> 'replaced') AS states
      FROM people p JOIN agencies a ON a.id = p.agency_id
      WHERE ${MISSING} ${agencyFilter(q.agencyId)}
      ORDER BY p.registered_on ${order(q)}, p.id ${order(q)} ${page}`;
  }
  const status = q.section === 'review' ? 'in_review' : 'rejected';
  const since = q.section === 'review' ? sql`d.uploaded_at` : sql`d.reviewed_at`;
  // What the checks found, so the review list tells "All checks passed" from "4 problems".
  return sql<RawRow>`SELECT ${PERSON_COLUMNS}, d.id AS documentId, d.kind, d.file_name AS fileName, ${since} AS waitingSince, d.reject_reasons AS rejectReasons,
      (SELECT count(*) FROM json_each(d.findings) f WHERE json_extract(f.value, '$.status') = 'problem') AS problems,
      (SELECT count(*) FROM json_each(d.findings) f WHERE json_extract(f.value, '$.status') = 'check') AS checks
    FROM documents d JOIN people p ON p.id = d.person_id JOIN agencies a ON a.id = p.agency_id
    WHERE d.status = ${status} ${agencyFilter(q.agencyId)}
    ORDER BY ${since} ${order(q)}, d.id ${order(q)} ${page}`;
}

function missingKinds(states: string | null | undefined): DocumentKind[] {
  const parsed = parseDocumentStates(states ?? null);
  const kinds: DocumentKind[] = [];
  if (parsed?.staffVerification === 'missing') kinds.push('staff_verification');
  if (parsed?.endUserAgreement === 'missing') kinds.push('end_user_agreement');
  return kinds;
}

function toRow(raw: RawRow, today: string): PendingRow {
  const waitingSince = raw.waitingSince ?? raw.registeredOn;
  const { personId, personName, email, agencyId, agencyName, registeredOn, lastReminderAt } = raw;
  return {
    personId,
    personName,
    email,
    agencyId,
    agencyName,
    registeredOn,
    kinds: raw.kind ? [fromDb(documentKind, raw.kind, 'documents.kind')] : missingKinds(raw.states),
    documentId: raw.documentId ?? null,
    fileName: raw.fileName ?? null,
    waitingSince,
    daysWaiting: daysBetween(waitingSince, today),
    rejectReasons: raw.rejectReasons ? listFromDb(rejectReason, raw.rejectReasons, 'documents.reject_reasons') : [],
    lastReminderAt,
    findingCounts: raw.problems === undefined ? null : { problems: raw.problems, checks: raw.checks ?? 0 },
  };
}

function countsQuery(agencyId: number | undefined): RawBuilder<{ missing: number; review: number; rejected: number }> {
  return sql<{ missing: number; review: number; rejected: number }>`SELECT
      (SELECT count(*) FROM people p WHERE ${MISSING} ${agencyFilter(agencyId)}) AS missing,
      (SELECT count(*) FROM documents d WHERE d.status = 'in_review' ${documentAgencyFilter(agencyId)}) AS review,
      (SELECT count(*) FROM documents d WHERE d.status = 'rejected' ${documentAgencyFilter(agencyId)}) AS rejected`;
}

/** The two statements behind one Pending documents request; exported so the benchmark runs the same SQL raw. */
export function pendingQueries(db: Db, q: PendingQuery) {
  return { page: sectionQuery(q).compile(db), counts: countsQuery(q.agencyId).compile(db) };
}

/** One section of the Pending documents queue, by waiting time, with every section's count. */
export async function listPending(db: Db, q: PendingQuery, today: string): Promise<PendingListOutput> {
  const queries = pendingQueries(db, q);
  const [rows, counted] = await Promise.all([db.executeQuery(queries.page), db.executeQuery(queries.counts)]);
  const row = counted.rows[0];
  const all: Record<PendingSection, number> = { missing: Number(row?.missing ?? 0), review: Number(row?.review ?? 0), rejected: Number(row?.rejected ?? 0) };
  return { total: all[q.section], items: rows.rows.map((raw) => toRow(raw, today)), counts: all };
}

export interface ReminderFacts {
  personId: number;
  requestType: string;
  supervisorName: string | null;
  supervisorEmail: string | null;
  missing: DocumentKind[];
}

/** What each chosen person still has to send, for reminders. */
export async function reminderFacts(db: Db, personIds: readonly number[]): Promise<Map<number, ReminderFacts>> {
  const rows = await sql<{ id: number; requestType: string; supervisorName: string | null; supervisorEmail: string | null; states: string | null }>`
    SELECT p.id, p.request_type AS requestType, p.supervisor_name AS supervisorName, p.supervisor_email AS supervisorEmail,
      (SELECT group_concat(d.kind || ':' || d.status) FROM documents d WHERE d.person_id = p.id AND d.status <> 'replaced') AS states
    FROM people p WHERE p.id IN (${sql.join([...personIds])})`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, { personId: r.id, requestType: r.requestType, supervisorName: r.supervisorName, supervisorEmail: r.supervisorEmail, missing: missingKinds(r.states) }]));
}
