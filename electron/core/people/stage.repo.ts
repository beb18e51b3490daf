import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DocumentState, StageFacts, Stage, TrainingFacts } from '../../../shared/workflow';

/**
 * The SQL twin of `shared/workflow.ts` deriveStage(), so the list can filter, sort and count by
 * stage over 100k people without loading them. `stage.repo.test.ts` requires all three — the
 * rules in TypeScript, the CASE below and the stage filters — to agree on every combination of facts.
 */

/**
 * Training facts (migration 005) as scalar subqueries over covering indexes (migrations 005 and
 * 006), shared by the CASE below and the facts column the person's own stage is derived from, so
 * both read exactly the same facts.
 */
const SENT_AT = sql`(SELECT max(s.sent_at) FROM training_sends s WHERE s.person_id = p.id)`;
const PASSED_AT = sql`(SELECT max(a.graded_at) FROM quiz_attempts a WHERE a.person_id = p.id AND a.passed = 1)`;
const CREDENTIALS_AT = sql`(SELECT max(c.issued_at) FROM credentials c WHERE c.person_id = p.id)`;
const OUTSTANDING = sql`(SELECT count(*) FROM training_sends s JOIN training_send_quizzes sq ON sq.send_id = s.id
    WHERE s.id = (SELECT s2.id FROM training_sends s2 WHERE s2.person_id = p.id ORDER BY s2.sent_at DESC, s2.id DESC LIMIT 1)
      AND NOT EXISTS (SELECT 1 FROM quiz_attempts a WHERE a.person_id = p.id AND a.quiz_id = sq.quiz_id AND a.passed = 1 AND a.graded_at >= s.sent_at))`;
const ACCEPTED_COUNT = sql`(SELECT count(*) FROM documents d WHERE d.person_id = p.id AND d.status = 'accepted')`;
const hasDocument = (status: 'in_review' | 'rejected') => sql<SqlBool>`EXISTS (SELECT 1 FROM documents d WHERE d.person_id = p.id AND d.status = ${sql.lit(status)})`;

/**
 * deriveStage() as one CASE over the person `p`. "Not before the latest training email" is
 * `at >= coalesce(sent, '')`: NULL when there is no such fact, true when there is and no email
 * was sent (every ISO instant sorts after ''), so each fact is read once per rule.
 * "Both accepted" counts accepted rows: a partial unique index (migration 004) allows one current
 * (not replaced) document per person and kind, so two accepted rows are exactly the two forms.
 */
export function stageSql(): RawBuilder<Stage> {
  return sql<Stage>`(CASE
    WHEN p.request_type = 'deactivation' THEN 'deactivation_requested'
    WHEN ${CREDENTIALS_AT} >= coalesce(${SENT_AT}, '') THEN 'active'
    WHEN ${PASSED_AT} >= coalesce(${SENT_AT}, '') AND ${OUTSTANDING} = 0 THEN 'quiz_passed'
    WHEN ${SENT_AT} IS NOT NULL THEN 'training_sent'
    WHEN ${ACCEPTED_COUNT} = 2 THEN 'documents_accepted'
    WHEN ${hasDocument('in_review')} THEN 'documents_in_review'
    WHEN ${hasDocument('rejected')} THEN 'documents_rejected'
    ELSE 'awaiting_documents'
  END)`;
}

/**
 * People who have one kind of fact, in the shapes SQLite answers fastest in different places:
 * - `ids`, the set itself, read once per statement (from a covering index, migrations 005, 006);
 * - `probe`, the same condition as index seeks for the one person `p` at hand: true or false,
 *   never NULL, so `NOT probe` means "not in the set";
 * - `candidates`, where `ids` costs more to build than a page needs: a superset cheap to read,
 *   each member of which the probe then confirms.
 */
interface PersonSet {
  ids: RawBuilder<number>;
  probe: RawBuilder<SqlBool>;
  candidates?: RawBuilder<number>;
}

function personSet(table: 'credentials' | 'training_sends' | 'quiz_attempts' | 'documents', where: RawBuilder<SqlBool> | null): PersonSet {
  const from = sql.table(table);
  return {
    ids: sql<number>`SELECT person_id FROM ${from}${where ? sql` WHERE ${where}` : sql``}`,
    probe: sql<SqlBool>`EXISTS (SELECT 1 FROM ${from} WHERE person_id = p.id${where ? sql` AND ${where}` : sql``})`,
  };
}

const CREDENTIALED = personSet('credentials', null);
const EMAILED = personSet('training_sends', null);
const PASSERS = personSet('quiz_attempts', sql<SqlBool>`passed = 1`);
const IN_REVIEW = personSet('documents', sql<SqlBool>`status = 'in_review'`);
const REJECTED = personSet('documents', sql<SqlBool>`status = 'rejected'`);
const BOTH_ACCEPTED: PersonSet = {
  ids: sql<number>`SELECT person_id FROM documents WHERE status = 'accepted' GROUP BY person_id HAVING count(*) = 2`,
  probe: sql<SqlBool>`${ACCEPTED_COUNT} = 2`,
};
/** The "active" rule: the latest credentials are not older than the latest training email. */
const ACTIVE: PersonSet = {
  // "Some credentials with no training email after them": the same rule, one range seek each.
  ids: sql<number>`SELECT c.person_id FROM credentials c WHERE NOT EXISTS (SELECT 1 FROM training_sends s WHERE s.person_id = c.person_id AND s.sent_at > c.issued_at)`,
  probe: sql<SqlBool>`(${CREDENTIALS_AT} >= coalesce(${SENT_AT}, '')) IS TRUE`,
  candidates: CREDENTIALED.ids,
};
/** The "quiz passed" rule, for one person: a pass not older than the latest email, nothing outstanding; never NULL. */
const PASSES = sql<SqlBool>`(${PASSED_AT} >= coalesce(${SENT_AT}, '') AND ${OUTSTANDING} = 0) IS TRUE`;
/**
 * With no credentials, no passing attempt and no training email, no training rule applies; and
 * whoever has one of them has a training stage (with no email, credentials mean active and a
 * pass means quiz passed; with one, at least training sent). So "no training rule applies" is
 * exactly "in none of these sets", which a count reads without evaluating any rule.
 */
const TRAINING = [CREDENTIALED, PASSERS, EMAILED];

/**
 * A stage as "not deactivating, in `within`, in none of `outside`, and `check`": each stage is
 * the first rule of deriveStage() that applies, so it is its own rule's facts minus every
 * earlier rule's. `stage.repo.test.ts` checks each against deriveStage() on every combination.
 */
interface StageFilter {
  within?: PersonSet;
  outside: PersonSet[];
  check?: RawBuilder<SqlBool>;
}

const FILTERS: Record<Exclude<Stage, 'deactivation_requested'>, StageFilter> = {
  active: { within: ACTIVE, outside: [] },
  quiz_passed: { within: PASSERS, outside: [ACTIVE], check: PASSES },
  training_sent: { within: EMAILED, outside: [ACTIVE], check: sql<SqlBool>`NOT ${PASSES}` },
  documents_accepted: { within: BOTH_ACCEPTED, outside: TRAINING },
  documents_in_review: { within: IN_REVIEW, outside: TRAINING },
  documents_rejected: { within: REJECTED, outside: [...TRAINING, IN_REVIEW] },
  awaiting_documents: { outside: [...TRAINING, IN_REVIEW, REJECTED, BOTH_ACCEPTED] },
};

/**
 * `p` is at `stage`, for a WHERE clause; the sets go in different shapes for a page and a count.
 * A page walks its sort index and stops at the page size (`walk`: the `+` keeps SQLite from
 * starting at a set instead, which means sorting every member first): it tests each row it
 * passes against the cheap `candidates` list, then seeks only for those. A count visits every
 * candidate, so it reads each set once as a Bloom-filtered list instead of seeking per person:
 * 100k people × half a dozen seeks is what made the plain CASE filter take 200 ms.
 */
export function stageCondition(stage: Stage, use: 'page' | 'count', walk: boolean): RawBuilder<SqlBool> {
  if (stage === 'deactivation_requested') return sql<SqlBool>`p.request_type = 'deactivation'`;
  const { within, outside, check } = FILTERS[stage];
  const id = walk || use === 'count' ? sql`+p.id` : sql`p.id`;
  const parts = [sql<SqlBool>`p.request_type <> 'deactivation'`];
  if (within && use === 'page' && within.candidates) parts.push(sql<SqlBool>`${id} IN (${within.candidates})`, within.probe);
  else if (within) parts.push(sql<SqlBool>`${id} IN (${within.ids})`);
  if (use === 'count' && outside.length) parts.push(sql<SqlBool>`${id} NOT IN (${sql.join(outside.map((set) => set.ids), sql` UNION ALL `)})`);
  else parts.push(...outside.map((set) => sql<SqlBool>`NOT ${set.probe}`));
  if (check) parts.push(check);
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
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
