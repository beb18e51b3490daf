import type { RecertPolicy } from './domain/recert-policy';
import { recertStatus, type RecertStatus } from './recert';

/**
 * A person's stage in the onboarding/recertification life is never set by hand: it is derived here
 * from facts and today's date, so it can never disagree with them. Later features add facts
 * (documents, quiz attempts, credentials, certifications) and add rules to STAGE_RULES.
 *
 * The SQL twin of these rules (for filtering, sorting and queues over 100k people) is the view
 * `person_stage_derived` of migration 007, whose triggers keep each person's `people.stage` in step
 * with every fact write; `electron/core/people/stage.repo.ts` reads it and compares stored dates
 * with today for rules that depend on the date. `stage.repo.test.ts` feeds every combination of
 * facts to both and requires equal answers. A new rule is added there too, by a new migration.
 */

export const STAGES = [
  'awaiting_documents',
  'documents_in_review',
  'documents_rejected',
  'documents_accepted',
  'training_sent',
  'quiz_passed',
  'active',
  'recert_due_soon',
  'recert_due',
  'recert_overdue',
  'lapsed',
  'deactivation_requested',
  'deactivated',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  awaiting_documents: 'Registered — awaiting documents',
  documents_in_review: 'Documents in review',
  documents_rejected: 'Documents rejected — awaiting resubmission',
  documents_accepted: 'Documents accepted — ready for training',
  training_sent: 'Training sent — awaiting quiz',
  quiz_passed: 'Quiz passed — credentials to issue',
  active: 'Active',
  recert_due_soon: 'Active — recertification due soon',
  recert_due: 'Recertification due',
  recert_overdue: 'Recertification overdue',
  lapsed: 'Lapsed — to deactivate',
  deactivation_requested: 'Deactivation requested',
  deactivated: 'Deactivated',
};

/** Tone the UI gives a stage badge: what needs the office's action stands out. */
export const STAGE_TONE: Record<Stage, 'waiting' | 'action' | 'done' | 'ended'> = {
  awaiting_documents: 'waiting',
  documents_in_review: 'action',
  documents_rejected: 'waiting',
  documents_accepted: 'action',
  training_sent: 'waiting',
  quiz_passed: 'action',
  active: 'done',
  recert_due_soon: 'done',
  recert_due: 'waiting',
  recert_overdue: 'action',
  lapsed: 'action',
  deactivation_requested: 'action',
  deactivated: 'ended',
};

/** Where each of the two signed forms stands: its current (not replaced) document's status. */
export type DocumentState = 'missing' | 'in_review' | 'rejected' | 'accepted';

export interface StageFacts {
  requestType: 'new_user' | 'change_access' | 'additional_agency' | 'deactivation';
  /** Left out: neither form received yet. */
  documents?: { staffVerification: DocumentState; endUserAgreement: DocumentState };
  /** Left out: no training sent, no attempt passed, no credentials. Instants compare as ISO strings. */
  training?: TrainingFacts;
  /** Left out: never certified. The due date of the latest certification, under `policy`. */
  recertification?: { dueOn: string; policy: RecertPolicy };
  /** Left out: never deactivated. `open`: deactivated and not reactivated since. */
  deactivation?: { open: boolean; reactivatedAt: string | null };
}

/** Training, quiz and credentials facts: the latest of each, so an upgrade starts a new round. */
export interface TrainingFacts {
  /** The latest training email. */
  sentAt: string | null;
  /** Quizzes that email asked for with no passing attempt graded since it. */
  quizzesOutstanding: number;
  /** The latest passing attempt, when graded. */
  passedAt: string | null;
  credentialsIssuedAt: string | null;
}

const NO_TRAINING: TrainingFacts = { sentAt: null, quizzesOutstanding: 0, passedAt: null, credentialsIssuedAt: null };
const notBefore = (at: string | null, sentAt: string | null) => at !== null && (sentAt === null || at >= sentAt);
const training = (f: StageFacts): TrainingFacts => f.training ?? NO_TRAINING;

const documentStates = (f: StageFacts): DocumentState[] => (f.documents ? [f.documents.staffVerification, f.documents.endUserAgreement] : ['missing', 'missing']);

interface StageRule {
  stage: Stage;
  applies: (facts: StageFacts, today: string) => boolean;
}

const ACTIVE_STAGE: Record<RecertStatus, Stage> = { current: 'active', due_soon: 'recert_due_soon', due: 'recert_due', overdue: 'recert_overdue', lapsed: 'lapsed' };

/** Credentials issued since the latest training email: active, and then where the yearly cycle stands. */
function activeStage(f: StageFacts, today: string): Stage | null {
  if (!notBefore(training(f).credentialsIssuedAt, training(f).sentAt)) return null;
  const r = f.recertification;
  return r ? ACTIVE_STAGE[recertStatus(r.dueOn, today, r.policy)] : 'active';
}

/** Reactivated with no training email since: the round restarts at training. */
const restarted = (f: StageFacts) => {
  const at = f.deactivation?.reactivatedAt ?? null;
  const sent = training(f).sentAt;
  return at !== null && (sent === null || sent < at);
};

const activeRule = (stage: Stage): StageRule => ({ stage, applies: (f, today) => activeStage(f, today) === stage });

/** Ordered: the first rule that applies names the stage. The last rule always applies. */
const STAGE_RULES: readonly StageRule[] = [
  { stage: 'deactivated', applies: (f) => f.deactivation?.open === true },
  { stage: 'deactivation_requested', applies: (f) => f.requestType === 'deactivation' },
  { stage: 'documents_accepted', applies: restarted },
  // Training rules stand on their own facts: a later training email (an upgrade) reopens the round.
  // The active stages are split by the stored due date against today (people/stage.repo.ts).
  ...(['active', 'recert_due_soon', 'recert_due', 'recert_overdue', 'lapsed'] as const).map(activeRule),
  { stage: 'quiz_passed', applies: (f) => notBefore(training(f).passedAt, training(f).sentAt) && training(f).quizzesOutstanding === 0 },
  { stage: 'training_sent', applies: (f) => training(f).sentAt !== null },
  { stage: 'documents_accepted', applies: (f) => documentStates(f).every((s) => s === 'accepted') },
  // A form waiting for the office outranks one waiting for the sender: the office can act now.
  { stage: 'documents_in_review', applies: (f) => documentStates(f).includes('in_review') },
  { stage: 'documents_rejected', applies: (f) => documentStates(f).includes('rejected') },
  { stage: 'awaiting_documents', applies: () => true },
];

export function deriveStage(facts: StageFacts, today: string): Stage {
  const rule = STAGE_RULES.find((r) => r.applies(facts, today));
  // The last rule is unconditional, so a rule is always found; the fallback keeps types honest.
  return rule?.stage ?? 'awaiting_documents';
}
