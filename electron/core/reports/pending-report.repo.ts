import { sql, type RawBuilder } from 'kysely';
import { DOCUMENT_KIND_LABELS, REJECT_REASON_TEXT, type DocumentKind, type RejectReason } from '../../../shared/domain/document';
import { parseDocumentStates } from '../people/stage.repo';
import { dateFilter, personFilter } from './report-filters.repo';
import type { Exec, ReportParts, ReportQuery, ReportQueryInput } from './report-query';
import { daysSince } from './report-words';

/** The Pending documents queue's "missing" condition (documents/pending.repo.ts), so both count alike. */
const MISSING = sql`p.current_forms < 2 AND p.request_type <> 'deactivation'`;
const PERSON = sql`p.first_name || ' ' || p.last_name AS name, a.name AS agency`;

interface MissingRow {
  name: string;
  agency: string;
  supervisor: string | null;
  states: string | null;
  since: string;
}
interface DocumentRow {
  name: string;
  agency: string;
  kind: DocumentKind;
  since: string;
  reasons: string;
  note: string | null;
}

function missingWords(states: string | null): string {
  const parsed = parseDocumentStates(states);
  const kinds: DocumentKind[] = [];
  if (parsed?.staffVerification === 'missing') kinds.push('staff_verification');
  if (parsed?.endUserAgreement === 'missing') kinds.push('end_user_agreement');
  return kinds.map((k) => DOCUMENT_KIND_LABELS[k]).join('; ');
}

function reasonWords(reasons: string, note: string | null): string {
  const labels = (JSON.parse(reasons) as RejectReason[]).map((r) => REJECT_REASON_TEXT[r]?.label ?? r);
  return [...labels, ...(note ? [note] : [])].join('; ');
}

const count = async (exec: Exec, from: RawBuilder<unknown>) => Number((await exec(sql<{ n: number }>`SELECT count(*) AS n ${from}`))[0]?.n ?? 0);

function documents(exec: Exec, q: ReportQueryInput, status: 'in_review' | 'rejected') {
  const since = status === 'in_review' ? sql`d.uploaded_at` : sql`d.reviewed_at`;
  const from = sql`FROM documents d JOIN people p ON p.id = d.person_id WHERE d.status = ${status} ${personFilter(q.filters)} ${dateFilter(since, q.filters)}`;
  return Promise.all([
    exec(sql<DocumentRow>`SELECT ${PERSON}, d.kind, substr(${since}, 1, 10) AS since, d.reject_reasons AS reasons, d.reject_note AS note
      FROM documents d JOIN people p ON p.id = d.person_id JOIN agencies a ON a.id = p.agency_id
      WHERE d.status = ${status} ${personFilter(q.filters)} ${dateFilter(since, q.filters)}
      ORDER BY ${since}, d.id LIMIT ${q.rowLimit}`),
    count(exec, from),
  ]);
}

/**
 * Pending documents: people missing a signed form (since they registered), forms waiting for
 * review (since received) and rejected forms not yet sent again (since the rejection, with why);
 * the longest wait first in each. The date range limits the "since" date.
 */
export const pendingQuery: ReportQuery = async (exec, q): Promise<ReportParts> => {
  const missingFrom = sql`FROM people p WHERE ${MISSING} ${personFilter(q.filters)} ${dateFilter(sql`p.registered_on`, q.filters)}`;
  const [missing, missingTotal, [review, reviewTotal], [rejected, rejectedTotal]] = await Promise.all([
    exec(sql<MissingRow>`SELECT ${PERSON}, p.supervisor_name AS supervisor, p.registered_on AS since,
        (SELECT group_concat(d.kind || ':' || d.status) FROM documents d WHERE d.person_id = p.id AND d.status <> 'replaced') AS states
      FROM people p JOIN agencies a ON a.id = p.agency_id
      WHERE ${MISSING} ${personFilter(q.filters)} ${dateFilter(sql`p.registered_on`, q.filters)}
      ORDER BY p.registered_on, p.id LIMIT ${q.rowLimit}`),
    count(exec, missingFrom),
    documents(exec, q, 'in_review'),
    documents(exec, q, 'rejected'),
  ]);
  return {
    totals: { missing: missingTotal, inReview: reviewTotal, rejected: rejectedTotal },
    sections: [
      { key: 'missing', total: missingTotal, rows: missing.map((m) => ({ name: m.name, agency: m.agency, supervisor: m.supervisor, missing: missingWords(m.states), since: m.since, days: daysSince(m.since, q.today) })) },
      { key: 'inReview', total: reviewTotal, rows: review.map((d) => ({ name: d.name, agency: d.agency, document: DOCUMENT_KIND_LABELS[d.kind], since: d.since, days: daysSince(d.since, q.today) })) },
      {
        key: 'rejected',
        total: rejectedTotal,
        rows: rejected.map((d) => ({ name: d.name, agency: d.agency, document: DOCUMENT_KIND_LABELS[d.kind], since: d.since, days: daysSince(d.since, q.today), reasons: reasonWords(d.reasons, d.note) })),
      },
    ],
    chart: null,
  };
};
