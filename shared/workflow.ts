/**
 * A person's stage in the onboarding/recertification life is never stored: it is derived here from
 * facts, so it can never disagree with them. Later features add facts (documents, quiz attempts,
 * credentials, certifications) and add rules to STAGE_RULES; nothing else changes.
 *
 * The SQL twin of these rules (for filtering and queues over 100k people) lives in
 * `electron/core/people/stage-sql.ts`; a test feeds both the same facts and requires equal answers.
 */

export const STAGES = ['awaiting_documents', 'deactivation_requested'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  awaiting_documents: 'Registered — awaiting documents',
  deactivation_requested: 'Deactivation requested',
};

/** Tone the UI gives a stage badge: what needs the office's action stands out. */
export const STAGE_TONE: Record<Stage, 'waiting' | 'action' | 'done' | 'ended'> = {
  awaiting_documents: 'waiting',
  deactivation_requested: 'action',
};

export interface StageFacts {
  requestType: 'new_user' | 'change_access' | 'additional_agency' | 'deactivation';
}

interface StageRule {
  stage: Stage;
  applies: (facts: StageFacts, today: string) => boolean;
}

/** Ordered: the first rule that applies names the stage. The last rule always applies. */
const STAGE_RULES: readonly StageRule[] = [
  { stage: 'deactivation_requested', applies: (f) => f.requestType === 'deactivation' },
  { stage: 'awaiting_documents', applies: () => true },
];

export function deriveStage(facts: StageFacts, today: string): Stage {
  const rule = STAGE_RULES.find((r) => r.applies(facts, today));
  // The last rule is unconditional, so a rule is always found; the fallback keeps types honest.
  return rule?.stage ?? 'awaiting_documents';
}
