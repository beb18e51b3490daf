import { sql } from 'kysely';
import { STAGE_LABELS, STAGES, type Stage } from '../../../shared/workflow';
import { dueBounds } from './policy-bounds.repo';
import { dateFilter, personFilter } from './report-filters.repo';
import { percent, type Exec, type ReportParts, type ReportQuery, type ReportQueryInput } from './report-query';
import { daysSince } from './report-words';

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
 * probe of the fact's per-person index. Waiting for documents counts from the registration, so
 * that stage (most of an office's onboarding) is read in order straight from the stage index.
 */
const SINCE: Record<Stage, ReturnType<typeof sql>> = {
  ...(Object.fromEntries(STAGES.map((s) => [s, sql`p.registered_on`])) as Record<Stage, ReturnType<typeof sql>>),
  documents_in_review: sql`(SELECT min(d.uploaded_at) FROM documents d WHERE d.person_id = p.id AND d.status = 'in_review')`,
  documents_rejected: sql`(SELECT max(d.reviewed_at) FROM documents d WHERE d.person_id = p.id AND d.status = 'rejected')`,
  documents_accepted: sql`coalesce((SELECT max(x.reactivated_at) FROM deactivations x WHERE x.person_id = p.id), (SELECT max(d.reviewed_at) FROM documents d WHERE d.person_id = p.id AND d.status = 'accepted'))`,
  training_sent: sql`(SELECT max(s.sent_at) FROM training_sends s WHERE s.person_id = p.id)`,
  quiz_passed: sql`(SELECT max(a.graded_at) FROM quiz_attempts a WHERE a.person_id = p.id AND a.passed = 1 AND a.voided_at IS NULL)`,
  deactivation_requested: sql`(SELECT max(r.created_at) FROM person_requests r WHERE r.person_id = p.id AND r.type = 'deactivation')`,
};

interface Waiting {
  id: number;
  name: string;
  agency: string;
  accessLevel: string;
  registeredOn: string;
  since: string | null;
}

const where = (q: ReportQueryInput) => sql`${personFilter(q.filters)} ${dateFilter(sql`p.registered_on`, q.filters)}`;

/** Counts by agency and stored stage from people_by_agency_stage alone (migration 011); names joined after. */
const byAgencyStage = (exec: Exec, q: ReportQueryInput) =>
  exec(sql<{ agencyId: number; agency: string; stage: string; people: number }>`SELECT c.agency_id AS agencyId, a.name AS agency, c.stage, c.people FROM (
      SELECT p.agency_id, p.stage, count(*) AS people FROM people p WHERE 1 ${where(q)} GROUP BY p.agency_id, p.stage) c
    JOIN agencies a ON a.id = c.agency_id ORDER BY a.name COLLATE NOCASE`);

/** Active people split by their due date as the stage rule does (a range of the stage/due index). */
async function activeSplit(exec: Exec, q: ReportQueryInput): Promise<Map<Stage, number>> {
  const b = await dueBounds(exec, q.today);
  const [row] = await exec(sql<Record<'active' | 'recert_due_soon' | 'recert_due' | 'recert_overdue' | 'lapsed', number | null>>`SELECT
      sum(p.recert_due_on IS NULL OR p.recert_due_on > ${b.soonFrom}) AS active,
      sum(p.recert_due_on > ${b.dueFrom} AND p.recert_due_on <= ${b.soonFrom}) AS recert_due_soon,
      sum(p.recert_due_on >= ${b.today} AND p.recert_due_on <= ${b.dueFrom}) AS recert_due,
      sum(p.recert_due_on >= ${b.lapsedBefore} AND p.recert_due_on < ${b.today}) AS recert_overdue,
      sum(p.recert_due_on < ${b.lapsedBefore}) AS lapsed
    FROM people p WHERE p.stage = 'active' ${where(q)}`);
  return new Map(Object.entries(row ?? {}).map(([stage, n]) => [stage as Stage, Number(n ?? 0)]));
}

/**
 * One stage's people, longest in the stage first, up to `limit`: the since date sorts only that
 * stage's members, and a stage waiting since registration is read in order off people_by_stage_registered.
 */
const stagePeople = (exec: Exec, q: ReportQueryInput, stage: Stage, limit: number) =>
  exec(sql<Waiting>`SELECT p.id, p.first_name || ' ' || p.last_name AS name, a.name AS agency, l.name AS accessLevel, p.registered_on AS registeredOn, w.since
    FROM (SELECT p.id, ${SINCE[stage]} AS since FROM people p WHERE p.stage = ${stage} ${where(q)} ORDER BY ${SINCE[stage]}, p.id LIMIT ${limit}) w
    JOIN people p ON p.id = w.id JOIN agencies a ON a.id = p.agency_id JOIN access_levels l ON l.id = p.access_level_id ORDER BY w.since, w.id`);

/**
 * The middle registration date among the people onboarding (the lower middle for an even count),
 * from a count per registration day of each stage: each a walk of people_by_stage_registered in
 * order, no sort of people.
 */
async function medianRegistered(exec: Exec, q: ReportQueryInput, perStage: ReadonlyMap<Stage, number>): Promise<string | null> {
  const stages = ONBOARDING_STAGES.filter((s) => (perStage.get(s) ?? 0) > 0);
  const lists = await Promise.all(stages.map((stage) => exec(sql<{ day: string; people: number }>`SELECT p.registered_on AS day, count(*) AS people FROM people p WHERE p.stage = ${stage} ${where(q)} GROUP BY p.registered_on`)));
  const byDay = new Map<string, number>();
  for (const d of lists.flat()) byDay.set(d.day, (byDay.get(d.day) ?? 0) + d.people);
  const count = [...byDay.values()].reduce((n, c) => n + c, 0);
  let seen = 0;
  for (const [day, people] of [...byDay].sort(([a], [b]) => b.localeCompare(a))) if ((seen += people) > Math.floor((count - 1) / 2)) return day;
  return null;
}

function agencyRows(counts: Awaited<ReturnType<typeof byAgencyStage>>) {
  const agencies = new Map<number, Record<string, string | number>>();
  for (const c of counts) {
    const row = agencies.get(c.agencyId) ?? { agency: c.agency, people: 0, ...Object.fromEntries(Object.keys(AGENCY_COLUMNS).map((k) => [k, 0])) };
    row.people = Number(row.people) + c.people;
    for (const [key, stages] of Object.entries(AGENCY_COLUMNS)) if (stages.includes(c.stage)) row[key] = Number(row[key]) + c.people;
    agencies.set(c.agencyId, row);
  }
  return [...agencies.values()];
}

/** Each onboarding stage's longest waits, in stage order, `rowLimit` people in all (at least one a stage, for its longest wait). */
async function onboardingPeople(exec: Exec, q: ReportQueryInput, perStage: ReadonlyMap<Stage, number>) {
  const stages = ONBOARDING_STAGES.filter((s) => (perStage.get(s) ?? 0) > 0);
  const oldest = new Map<Stage, number>();
  const rows: Record<string, string | number>[] = [];
  for (const stage of stages) {
    const list = await stagePeople(exec, q, stage, Math.max(1, q.rowLimit - rows.length));
    const first = list[0];
    if (first) oldest.set(stage, daysSince(first.since ?? first.registeredOn, q.today));
    for (const w of list.slice(0, Math.max(0, q.rowLimit - rows.length))) {
      const since = w.since ?? w.registeredOn;
      rows.push({ stage: STAGE_LABELS[stage], name: w.name, agency: w.agency, accessLevel: w.accessLevel, registeredOn: w.registeredOn, since: since.slice(0, 10), daysInStage: daysSince(since, q.today) });
    }
  }
  return { rows, oldest };
}

/** Onboarding status: counts by stage and agency, and the people onboarding, longest in their stage first. */
export const statusQuery: ReportQuery = async (exec, q): Promise<ReportParts> => {
  const [counts, split] = await Promise.all([byAgencyStage(exec, q), activeSplit(exec, q)]);
  const perStage = new Map<Stage, number>(split);
  for (const c of counts) if (c.stage !== 'active') perStage.set(c.stage as Stage, (perStage.get(c.stage as Stage) ?? 0) + c.people);
  const everyone = counts.reduce((n, c) => n + c.people, 0);
  const onboarding = ONBOARDING_STAGES.reduce((n, s) => n + (perStage.get(s) ?? 0), 0);
  const active = counts.filter((c) => c.stage === 'active').reduce((n, c) => n + c.people, 0);
  const [people, middle] = await Promise.all([onboardingPeople(exec, q, perStage), medianRegistered(exec, q, perStage)]);
  return {
    totals: { people: everyone, onboarding, active, medianDaysOnboarding: middle === null ? null : daysSince(middle, q.today) },
    sections: [
      {
        key: 'byStage',
        total: STAGES.length,
        rows: STAGES.map((s) => ({ stage: STAGE_LABELS[s], people: perStage.get(s) ?? 0, share: percent(perStage.get(s) ?? 0, everyone), oldestDays: people.oldest.get(s) ?? null })),
      },
      { key: 'byAgency', total: new Set(counts.map((c) => c.agencyId)).size, rows: agencyRows(counts) },
      { key: 'people', total: onboarding, rows: people.rows },
    ],
    chart: [...ONBOARDING_STAGES.filter((s) => s !== 'deactivation_requested'), 'active' as const].map((s) => ({
      label: STAGE_LABELS[s],
      values: { people: s === 'active' ? active : (perStage.get(s) ?? 0) },
    })),
  };
};
