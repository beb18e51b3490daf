import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { DEFAULT_RECERT_POLICY } from '../../../shared/domain/recert-policy';
import type { DocumentState, StageFacts, Stage, TrainingFacts } from '../../../shared/workflow';

/**
 * Where a person's stage comes from in SQL, so the list and the queues can filter, sort and count
 * by stage over 100k people. Decision (issue 9): the part of a stage that depends on facts is
 * stored, the part that depends on the date is compared at query time.
 * - Facts: migration 007 keeps `people.stage` (and `current_forms`) refreshed by triggers in the
 *   same statement as every write of a fact it reads, whoever writes it, so a queue is a range of
 *   an index on (stage, sort key) and its count a range count. Derived at query time, it was a
 *   CASE over correlated subqueries per person: 15–75 ms a queue at 100k and about a second to
 *   sort the list by stage, the raw SQL no faster. A fact write pays instead (tens of µs a row).
 * - Time: facts do not change at midnight, so no stored value may depend on today. A dated rule
 *   (recertification due, overdue, lapsed) stores its date (e.g. `recert_due_on`, by the same
 *   triggers) and compares it with `today` here: a cheap range on (stage, date), never a job that
 *   rewrites stages overnight (which a closed app or a moved clock would leave stale).
 * `stage.repo.test.ts` requires deriveStage(), the stored stage, its filters, counts and sort to
 * agree on every combination of facts, and after every kind of write through the services.
 */

/**
 * Training facts as scalar subqueries over covering indexes (migrations 005 and 006), for the
 * facts column a listed person's own stage is derived from by deriveStage() (people.repo.ts).
 */
const SENT_AT = sql`(SELECT max(s.sent_at) FROM training_sends s WHERE s.person_id = p.id)`;
const PASSED_AT = sql`(SELECT max(a.graded_at) FROM quiz_attempts a WHERE a.person_id = p.id AND a.passed = 1 AND a.voided_at IS NULL)`;
const CREDENTIALS_AT = sql`(SELECT max(c.issued_at) FROM credentials c WHERE c.person_id = p.id)`;
const OUTSTANDING = sql`(SELECT count(*) FROM training_sends s JOIN training_send_quizzes sq ON sq.send_id = s.id
    WHERE s.id = (SELECT s2.id FROM training_sends s2 WHERE s2.person_id = p.id ORDER BY s2.sent_at DESC, s2.id DESC LIMIT 1)
      AND NOT EXISTS (SELECT 1 FROM quiz_attempts a WHERE a.person_id = p.id AND a.quiz_id = sq.quiz_id AND a.passed = 1 AND a.voided_at IS NULL AND a.graded_at >= s.sent_at))`;

/** The policy's windows as one-row subqueries: SQLite evaluates each once and uses it as a range bound. */
const POLICY = (column: 'window_days' | 'due_within_days' | 'grace_days') => sql.raw(`(SELECT rp.${column} FROM recert_policy AS rp WHERE rp.id = 1)`);
const shifted = (today: string, days: RawBuilder<unknown>, sign: '+' | '-') => sql`date(${today}, ${sign} || ${days} || ' days')`;

/** The bounds of the active stages on `p.recert_due_on` (shared/recert.ts recertStatus, in SQL). */
function bounds(today: string) {
  return { soonFrom: shifted(today, POLICY('window_days'), '+'), dueFrom: shifted(today, POLICY('due_within_days'), '+'), lapsedBefore: shifted(today, POLICY('grace_days'), '-') };
}

const ACTIVE_SPLIT = new Set<Stage>(['active', 'recert_due_soon', 'recert_due', 'recert_overdue', 'lapsed']);

/**
 * The stage as SQL, for sorting: the stored stage (migrations 007–008), with `active` split by the
 * stored due date against `today` into the recertification stages.
 */
export function stageSql(today: string): RawBuilder<Stage> {
  const b = bounds(today);
  return sql<Stage>`(CASE WHEN p.stage = 'active' AND p.recert_due_on IS NOT NULL THEN (CASE
    WHEN p.recert_due_on > ${b.soonFrom} THEN 'active' WHEN p.recert_due_on > ${b.dueFrom} THEN 'recert_due_soon'
    WHEN p.recert_due_on >= ${today} THEN 'recert_due' WHEN p.recert_due_on >= ${b.lapsedBefore} THEN 'recert_overdue'
    ELSE 'lapsed' END) ELSE p.stage END)`;
}

/**
 * `p` is at `stage`, for a WHERE clause: one range of the stage indexes (migrations 007–008), for
 * a page and a count alike; an active stage is a range of (stage, recert_due_on).
 */
export function stageCondition(stage: Stage, today: string): RawBuilder<SqlBool> {
  if (!ACTIVE_SPLIT.has(stage)) return sql<SqlBool>`p.stage = ${stage}`;
  const b = bounds(today);
  const due = {
    active: sql`(p.recert_due_on IS NULL OR p.recert_due_on > ${b.soonFrom})`,
    recert_due_soon: sql`p.recert_due_on > ${b.dueFrom} AND p.recert_due_on <= ${b.soonFrom}`,
    recert_due: sql`p.recert_due_on >= ${today} AND p.recert_due_on <= ${b.dueFrom}`,
    recert_overdue: sql`p.recert_due_on >= ${b.lapsedBefore} AND p.recert_due_on < ${today}`,
    lapsed: sql`p.recert_due_on < ${b.lapsedBefore}`,
  }[stage as 'active'];
  return sql<SqlBool>`p.stage = 'active' AND ${due}`;
}

/** The facts deriveStage() needs about recertification and deactivation, as one text column. */
export function recertFactsSql(): RawBuilder<string> {
  return sql<string>`(COALESCE(p.recert_due_on, '') || '|' || (SELECT rp.window_days || '|' || rp.due_within_days || '|' || rp.grace_days FROM recert_policy AS rp WHERE rp.id = 1)
    || '|' || EXISTS (SELECT 1 FROM deactivations AS x WHERE x.person_id = p.id AND x.reactivated_at IS NULL)
    || '|' || COALESCE((SELECT max(x.reactivated_at) FROM deactivations AS x WHERE x.person_id = p.id), ''))`;
}

export function parseRecertFacts(text: string | null): Pick<StageFacts, 'recertification' | 'deactivation'> {
  const [dueOn = '', window = '0', dueWithin = '0', grace = '0', open = '0', reactivatedAt = ''] = (text ?? '').split('|');
  // Only the windows decide a status (recertStatus): the rest of the policy does not matter here.
  const policy = { ...DEFAULT_RECERT_POLICY, reminderDaysBefore: [Number(window)], dueWithinDays: Number(dueWithin), graceDays: Number(grace) };
  return {
    recertification: dueOn ? { dueOn, policy } : undefined,
    deactivation: open === '1' || reactivatedAt ? { open: open === '1', reactivatedAt: reactivatedAt || null } : undefined,
  };
}

/** The facts deriveStage() needs about documents, as one text column: `kind:status,kind:status`. */
export function documentStatesSql(): RawBuilder<string | null> {
  return sql<string | null>`(SELECT group_concat(d.kind || ':' || d.status) FROM documents d WHERE d.person_id = p.id AND d.status <> 'replaced')`;
}

export function parseDocumentStates(text: string | null): StageFacts['documents'] {
  const states = { staffVerification: 'missing' as DocumentState, endUserAgreement: 'missing' as DocumentState };
  for (const pair of (text ?? '').split(',')) {
    const [kind, status] = pair.split(':') as [string, DocumentState | undefined];
    if (!status) continue;
    if (kind === 'staff_verification') states.staffVerification = status;
    if (kind === 'end_user_agreement') states.endUserAgreement = status;
  }
  return states;
}

/** The facts deriveStage() needs about training, as one text column: `sentAt|outstanding|passedAt|credentialsAt`. */
export function trainingFactsSql(): RawBuilder<string> {
  return sql<string>`(COALESCE(${SENT_AT}, '') || '|' || ${OUTSTANDING} || '|' || COALESCE(${PASSED_AT}, '') || '|' || COALESCE(${CREDENTIALS_AT}, ''))`;
}

export function parseTrainingFacts(text: string | null): TrainingFacts {
  const [sentAt = '', outstanding = '0', passedAt = '', credentialsAt = ''] = (text ?? '').split('|');
  return { sentAt: sentAt || null, quizzesOutstanding: Number(outstanding) || 0, passedAt: passedAt || null, credentialsIssuedAt: credentialsAt || null };
}
