import { sql, type RawBuilder, type SqlBool } from 'kysely';
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

/**
 * The stage as SQL, for sorting: the stored stage (migration 007) is the answer while no rule
 * depends on the date. A rule that does (recertification, issue 10) splits a stored stage by a
 * stored date against `today`, e.g. `CASE WHEN p.stage = 'active' AND p.recert_due_on < today
 * THEN 'recert_overdue' … ELSE p.stage END`; sorting by (p.stage, that date) keeps it an index walk.
 */
export function stageSql(_today: string): RawBuilder<Stage> {
  return sql<Stage>`p.stage`;
}

/**
 * `p` is at `stage`, for a WHERE clause: one range of the stage indexes (migration 007), for a
 * page and a count alike. A stage that depends on the date will add `AND p.<date> <= today`
 * (or split off by the same comparison, negated): still a range of an index on (stage, date).
 */
export function stageCondition(stage: Stage, _today: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`p.stage = ${stage}`;
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
