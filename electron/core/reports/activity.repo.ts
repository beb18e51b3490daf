import { sql } from 'kysely';
import { auditSentences, type AuditNames } from '../../../shared/audit-sentence';
import type { AuditEntity } from '../../../shared/domain/audit';
import { dateFilter } from './report-filters.repo';
import type { ReportParts, ReportQuery, ReportQueryInput } from './report-query';
import { localMinute } from './report-words';

interface Entry {
  id: number;
  at: string;
  operator: string;
  action: string;
  entity: string;
  before: string | null;
  after: string | null;
  note: string | null;
  about: string | null;
}

const ENTITY_WORDS: Record<string, string> = {
  person: 'A person since removed',
  agency: 'An agency',
  access_level: 'Access levels',
  setting: 'Settings',
  mail: 'Mail',
  mail_template: 'Email templates',
  import: 'An import',
  quiz: 'Quizzes',
  training_material: 'Training materials',
};

/** "person.updated" → "Updated." */
const actionWords = (action: string) => {
  const verb = (action.split('.').pop() ?? action).replace(/_/g, ' ');
  return `${verb.charAt(0).toUpperCase()}${verb.slice(1)}.`;
};

/** Only what concerns the chosen agency: its people and the agency record itself. */
function agencyScope(q: ReportQueryInput) {
  const id = q.filters.agencyId;
  return id === undefined ? sql`` : sql`AND ((au.entity = 'person' AND au.entity_id IN (SELECT p.id FROM people p WHERE p.agency_id = ${id})) OR (au.entity = 'agency' AND au.entity_id = ${id}))`;
}

/**
 * Activity: the audit log in the date range (by when it happened, an index range of migration
 * 011's audit_by_at), newest first, each entry in the sentences the person page's history uses.
 * Entries of one instant (an import) come by operator, then as written: the index's own order,
 * so the newest page is read straight off the index and never sorted.
 */
export const activityQuery: ReportQuery = async (exec, q): Promise<ReportParts> => {
  const range = sql`${dateFilter(sql`au.at`, q.filters)} ${agencyScope(q)}`;
  const [entries, operators, agencies, levels, quizzes] = await Promise.all([
    exec(sql<Entry>`SELECT au.id, au.at, au.operator, au.action, au.entity, au.before, au.after, au.note,
        CASE au.entity WHEN 'person' THEN (SELECT p.first_name || ' ' || p.last_name FROM people p WHERE p.id = au.entity_id)
          WHEN 'agency' THEN (SELECT a.name FROM agencies a WHERE a.id = au.entity_id) END AS about
      FROM audit au WHERE 1 ${range} ORDER BY au.at DESC, au.operator DESC, au.id DESC LIMIT ${q.rowLimit}`),
    exec(sql<{ operator: string; entries: number; first: string; last: string }>`SELECT au.operator, count(*) AS entries, min(au.at) AS first, max(au.at) AS last
      FROM audit au WHERE 1 ${range} GROUP BY au.operator ORDER BY entries DESC, au.operator`),
    exec(sql<{ id: number; name: string }>`SELECT id, name FROM agencies`),
    exec(sql<{ id: number; name: string }>`SELECT id, name FROM access_levels`),
    exec(sql<{ id: number; name: string }>`SELECT id, title AS name FROM quizzes`),
  ]);
  const lookup = (rows: { id: number; name: string }[]) => {
    const map = new Map(rows.map((r) => [r.id, r.name]));
    return (id: number) => map.get(id);
  };
  const names: AuditNames = { agencyName: lookup(agencies), accessLevelName: lookup(levels), quizTitle: lookup(quizzes) };
  const total = operators.reduce((n, o) => n + o.entries, 0);
  return {
    totals: { entries: total, operators: operators.length },
    sections: [
      { key: 'byOperator', total: operators.length, rows: operators.map((o) => ({ operator: o.operator, entries: o.entries, first: o.first.slice(0, 10), last: o.last.slice(0, 10) })) },
      {
        key: 'entries',
        total,
        rows: entries.map((e) => {
          const entry = { action: e.action, entity: e.entity as AuditEntity, before: e.before ? (JSON.parse(e.before) as Record<string, unknown>) : null, after: e.after ? (JSON.parse(e.after) as Record<string, unknown>) : null, note: e.note };
          const said = auditSentences(entry, names);
          // An entry whose only change is an internal id (a mail id) still says what was done.
          const what = [...said.sentences, ...(e.note && !said.noteUsed ? [e.note] : [])].join(' ') || actionWords(e.action);
          return { at: localMinute(e.at), operator: e.operator, about: e.about ?? ENTITY_WORDS[e.entity] ?? e.entity, what };
        }),
      },
    ],
    chart: null,
  };
};
