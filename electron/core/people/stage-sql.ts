import { sql, type RawBuilder } from 'kysely';
import type { DocumentState, StageFacts, Stage, TrainingFacts } from '../../../shared/workflow';

/**
 * Training facts (migration 005) as scalar subqueries, shared by the CASE below and the facts
 * column the person's own stage is derived from, so both read exactly the same facts.
 */
const SENT_AT = sql`(SELECT max(s.sent_at) FROM training_sends s WHERE s.person_id = p.id)`;
const PASSED_AT = sql`(SELECT max(a.graded_at) FROM quiz_attempts a WHERE a.person_id = p.id AND a.passed = 1)`;
const CREDENTIALS_AT = sql`(SELECT max(c.issued_at) FROM credentials c WHERE c.person_id = p.id)`;
const OUTSTANDING = sql`(SELECT count(*) FROM training_sends s JOIN training_send_quizzes sq ON sq.send_id = s.id
    WHERE s.id = (SELECT s2.id FROM training_sends s2 WHERE s2.person_id = p.id ORDER BY s2.sent_at DESC, s2.id DESC LIMIT 1)
      AND NOT EXISTS (SELECT 1 FROM quiz_attempts a WHERE a.person_id = p.id AND a.quiz_id = sq.quiz_id AND a.passed = 1 AND a.graded_at >= s.sent_at))`;

/**
 * The SQL twin of `shared/workflow.ts` deriveStage(), so the list can filter and queues can count
 * by stage over 100k people without loading them. `stage-sql.test.ts` requires both to agree.
 * "Both accepted" counts accepted rows: a partial unique index (migration 004) allows one current
 * (not replaced) document per person and kind, so two accepted rows are exactly the two forms.
 */
export function stageSql(): RawBuilder<Stage> {
  return sql<Stage>`(CASE
    WHEN p.request_type = 'deactivation' THEN 'deactivation_requested'
    WHEN ${CREDENTIALS_AT} IS NOT NULL AND (${SENT_AT} IS NULL OR ${CREDENTIALS_AT} >= ${SENT_AT}) THEN 'active'
    WHEN ${PASSED_AT} IS NOT NULL AND (${SENT_AT} IS NULL OR ${PASSED_AT} >= ${SENT_AT}) AND ${OUTSTANDING} = 0 THEN 'quiz_passed'
    WHEN ${SENT_AT} IS NOT NULL THEN 'training_sent'
    WHEN (SELECT count(*) FROM documents d WHERE d.person_id = p.id AND d.status = 'accepted') = 2 THEN 'documents_accepted'
    WHEN EXISTS (SELECT 1 FROM documents d WHERE d.person_id = p.id AND d.status = 'in_review') THEN 'documents_in_review'
    WHEN EXISTS (SELECT 1 FROM documents d WHERE d.person_id = p.id AND d.status = 'rejected') THEN 'documents_rejected'
    ELSE 'awaiting_documents'
  END)`;
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
