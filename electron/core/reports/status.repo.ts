import { sql } from 'kysely';
import { STAGE_LABELS, STAGES, type Stage } from '../../../shared/workflow';
import { stageSql } from '../people/stage.repo';
import { dateFilter, personFilter } from './report-filters.repo';
import { percent, type Exec, type ReportParts, type ReportQuery, type ReportQueryInput } from './report-query';
import { daysSince, median } from './report-words';

/** The stages of someone still on their way in (or out): the people section lists these. */
export const ONBOARDING_STAGES: readonly Stage[] = ['awaiting_documents', 'documents_in_review', 'documents_rejected', 'documents_accepted', 'training_sent', 'quiz_passed', 'deactivation_requested'];

/** The by-agency columns, each the stored stages it counts (active covers its recertification split). */
const AGENCY_COLUMNS: Record<string, readonly string[]> = {
  awaitingDocuments: ['awaiting_documents'],
  inReview: ['documents_in_review'],
  rejected: ['documents_rejected'],
  readyForTraining: ['documents_accepted'],
  trainingSent: ['training_sent'],
  quizPassed: ['quiz_passed'],
  active: ['active'],
  leaving: ['deactivation_requested', 'deactivated'],
};

/**
 * Since when a person has been at their stored stage: the date of the fact that put them there
 * (the latest form reviewed, the training email, the passing attempt, the request). Each is one
 * probe of the fact's per-person index, evaluated only for the people of that stage.
 */
const SINCE = sql<string>`substr(CASE p.stage
    WHEN 'awaiting_documents' THEN p.registered_on
    WHEN 'documents_in_review' THEN (SELECT min(d.uploaded_at) FROM documents d WHERE d.person_id = p.id AND d.status = 'in_review')
    WHEN 'documents_rejected' THEN (SELECT max(d.reviewed_at) FROM documents d WHERE d.person_id = p.id AND d.status = 'rejected')
    WHEN 'documents_accepted' THEN coalesce((SELECT max(x.reactivated_at) FROM deactivations x WHERE x.person_id = p.id),
      (SELECT max(d.reviewed_at) FROM documents d WHERE d.person_id = p.id AND d.status = 'accepted'))
    WHEN 'training_sent' THEN (SELECT max(s.sent_at) FROM training_sends s WHERE s.person_id = p.id)
    WHEN 'quiz_passed' THEN (SELECT max(a.graded_at) FROM quiz_attempts a WHERE a.person_id = p.id AND a.passed = 1 AND a.voided_at IS NULL)
    WHEN 'deactivation_requested' THEN (SELECT max(r.created_at) FROM person_requests r WHERE r.person_id = p.id AND r.type = 'deactivation')
  END, 1, 10)`;

interface Waiting {
  id: number;
  stage: Stage;
  since: string | null;
  registeredOn: string;
}

const byStageCounts = (exec: Exec, q: ReportQueryInput) =>
  exec(sql<{ agencyId: number; agency: string; stage: string; people: number }>`SELECT p.agency_id AS agencyId, a.name AS agency, p.stage, count(*) AS people
    FROM people p JOIN agencies a ON a.id = p.agency_id
    WHERE 1 ${personFilter(q.filters)} ${dateFilter(sql`p.registered_on`, q.filters)}
    GROUP BY p.agency_id, p.stage`);

/** Active people split by their recertification date against today (the master list's stages). */
const activeSplit = (exec: Exec, q: ReportQueryInput) =>
  exec(sql<{ stage: Stage; people: number }>`SELECT ${stageSql(q.today)} AS stage, count(*) AS people FROM people p
    WHERE p.stage = 'active' ${personFilter(q.filters)} ${dateFilter(sql`p.registered_on`, q.filters)} GROUP BY 1`);

const waiting = (exec: Exec, q: ReportQueryInput) =>
  exec(sql<Waiting>`SELECT p.id, p.stage, ${SINCE} AS since, p.registered_on AS registeredOn FROM people p
    WHERE p.stage IN (${sql.join([...ONBOARDING_STAGES])}) ${personFilter(q.filters)} ${dateFilter(sql`p.registered_on`, q.filters)}`);

const details = (exec: Exec, ids: readonly number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : exec(sql<{ id: number; name: string; agency: string; accessLevel: string }>`SELECT p.id, p.first_name || ' ' || p.last_name AS name, a.name AS agency, l.name AS accessLevel
        FROM people p JOIN agencies a ON a.id = p.agency_id JOIN access_levels l ON l.id = p.access_level_id WHERE p.id IN (${sql.join([...ids])})`);

const stageOrder = (s: Stage) => STAGES.indexOf(s);

function agencyRows(counts: Awaited<ReturnType<typeof byStageCounts>>) {
  const agencies = new Map<number, Record<string, string | number>>();
  for (const c of counts) {
    const row = agencies.get(c.agencyId) ?? { agency: c.agency, people: 0, ...Object.fromEntries(Object.keys(AGENCY_COLUMNS).map((k) => [k, 0])) };
    row.people = Number(row.people) + c.people;
    for (const [key, stages] of Object.entries(AGENCY_COLUMNS)) if (stages.includes(c.stage)) row[key] = Number(row[key]) + c.people;
    agencies.set(c.agencyId, row);
  }
  return [...agencies.values()].sort((a, b) => String(a.agency).localeCompare(String(b.agency)));
}

/** Onboarding status: counts by stage and agency, and the people onboarding, longest in their stage first. */
export const statusQuery: ReportQuery = async (exec, q): Promise<ReportParts> => {
  const [counts, split, list] = await Promise.all([byStageCounts(exec, q), activeSplit(exec, q), waiting(exec, q)]);
  const perStage = new Map<Stage, number>();
  for (const c of counts) if (c.stage !== 'active') perStage.set(c.stage as Stage, (perStage.get(c.stage as Stage) ?? 0) + c.people);
  for (const s of split) perStage.set(s.stage, s.people);
  const everyone = counts.reduce((n, c) => n + c.people, 0);
  const days = (w: Waiting) => daysSince(w.since ?? w.registeredOn, q.today);
  const oldest = new Map<Stage, number>();
  for (const w of list) oldest.set(w.stage, Math.max(oldest.get(w.stage) ?? 0, days(w)));

  const sorted = [...list].sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage) || (a.since ?? a.registeredOn).localeCompare(b.since ?? b.registeredOn) || a.id - b.id);
  const shown = sorted.slice(0, q.rowLimit);
  const named = new Map((await details(exec, shown.map((w) => w.id))).map((d) => [d.id, d]));
  const active = counts.filter((c) => c.stage === 'active').reduce((n, c) => n + c.people, 0);
  return {
    totals: { people: everyone, onboarding: list.length, active, medianDaysOnboarding: median(list.map((w) => daysSince(w.registeredOn, q.today))) },
    sections: [
      {
        key: 'byStage',
        total: STAGES.length,
        rows: STAGES.map((s) => ({ stage: STAGE_LABELS[s], people: perStage.get(s) ?? 0, share: percent(perStage.get(s) ?? 0, everyone), oldestDays: oldest.get(s) ?? null })),
      },
      { key: 'byAgency', total: new Set(counts.map((c) => c.agencyId)).size, rows: agencyRows(counts) },
      {
        key: 'people',
        total: list.length,
        rows: shown.map((w) => {
          const d = named.get(w.id);
          return { stage: STAGE_LABELS[w.stage], name: d?.name ?? '', agency: d?.agency ?? '', accessLevel: d?.accessLevel ?? '', registeredOn: w.registeredOn, since: w.since ?? w.registeredOn, daysInStage: days(w) };
        }),
      },
    ],
    chart: [...ONBOARDING_STAGES.filter((s) => s !== 'deactivation_requested'), 'active' as const].map((s) => ({
      label: STAGE_LABELS[s],
      values: { people: s === 'active' ? active : (perStage.get(s) ?? 0) },
    })),
  };
};
