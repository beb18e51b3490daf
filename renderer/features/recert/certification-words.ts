import type { AuditEntry } from '../../../shared/domain/audit';
import type { Attempt } from '../../../shared/domain/quiz-attempt';
import type { Certification, RecertSummary } from '../../../shared/domain/recert';
import { formatDate } from '../people/format';
import { relativeDueWords, type CertStatus } from './recert-words';

/** How a certification was earned, naming the quiz attempt when it is known. */
export function certificationEarned(c: Pick<Certification, 'kind' | 'attemptId'>, attempt: Pick<Attempt, 'quizTitle' | 'tryNumber' | 'percent' | 'takenOn'> | undefined): string {
  const what = c.kind === 'initial' ? 'Credentials issued after passing' : 'Passed';
  if (!attempt) return c.kind === 'initial' ? 'Credentials issued' : 'Recertification quiz passed';
  const tryWords = attempt.tryNumber === 1 ? 'first try' : `try ${attempt.tryNumber}`;
  return `${what} “${attempt.quizTitle}” (${tryWords}, ${attempt.percent}%, taken ${formatDate(attempt.takenOn)})`;
}

/** One sentence saying where the person stands and what happens next. */
export function certificationSentence(s: Pick<RecertSummary, 'dueOn' | 'lapsesOn' | 'deactivatedOn'>, status: CertStatus, today: string | undefined): string {
  const due = s.dueOn ? formatDate(s.dueOn) : '';
  const away = s.dueOn && today ? relativeDueWords(s.dueOn, today) : '';
  const lapses = s.lapsesOn ? formatDate(s.lapsesOn) : '';
  switch (status) {
    case 'current':
      return `Certified. The next recertification is due ${due}${away ? ` (${away})` : ''}.`;
    case 'due_soon':
    case 'due':
      return `Recertification is due ${due}${away ? ` (${away})` : ''}: reminders with the quiz link go out on the policy's schedule.`;
    case 'overdue':
      return `Recertification was due ${due}${away ? ` (${away})` : ''}. Unless the recertification quiz is passed, the account lapses on ${lapses}.`;
    case 'lapsed':
      return `Lapsed: recertification was due ${due} and the grace period is over. The HMIS account is to be deactivated (see Deactivation tasks).`;
    case 'deactivated':
      return `Deactivated${s.deactivatedOn ? ` on ${formatDate(s.deactivatedOn)}` : ''}. Reactivating restarts the person at training.`;
  }
}

/**
 * Who recorded a certification: the database records it by trigger (credentials issued, or a
 * recertification quiz graded), so the person who did it is the operator of that audit entry.
 */
export function recordedByOf(c: Pick<Certification, 'kind' | 'attemptId' | 'recordedAt'>, audit: readonly Pick<AuditEntry, 'at' | 'operator' | 'action' | 'after'>[]): string | null {
  const action = c.kind === 'initial' ? (a: string) => a === 'credentials.issued' : (a: string) => a.startsWith('quiz.') && a !== 'quiz.results_sent';
  const ofAttempt = (e: { after: Record<string, unknown> | null }) => c.attemptId !== null && e.after?.attemptId === c.attemptId;
  const entry = audit.find((e) => action(e.action) && e.at === c.recordedAt) ?? audit.find((e) => action(e.action) && ofAttempt(e));
  return entry?.operator ?? null;
}
