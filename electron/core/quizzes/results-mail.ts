import type { MailTemplateKey } from '../../../shared/domain/mail-templates';
import type { Attempt } from '../../../shared/domain/quiz-attempt';
import { insertAuditBatch } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import type { Db } from '../db/open-database';
import { queueMails, type QueueMailInput } from '../mail/queue-mail';
import { claimResultsSent } from './attempts.repo';

/**
 * "Send results": one email that says exactly what the attempt shows (score, pass or fail, each
 * missed question with the person's answer and the correct one); a fail's also has the link to
 * take the quiz again, so the person gets one message to act on, not two (issue 12).
 */
function resultMail(attempt: Attempt, quizUrl: string | null): QueueMailInput<'quiz_result'> {
  return {
    template: 'quiz_result',
    personId: attempt.personId,
    data: {
      quiz: { title: attempt.quizTitle, url: quizUrl ?? '', percent: attempt.percent, passMark: attempt.passMark, passed: attempt.passed === true },
      missedQuestions: attempt.missed.map(({ number, question, yourAnswer, correctAnswer }) => ({ number, question, yourAnswer, correctAnswer })),
    },
  };
}

export interface SentResults {
  resultEmails: number;
  sent: { attemptId: number; resultsSentAt: string }[];
  skipped: { attemptId: number; reason: string }[];
}

function skipReason(a: Attempt, resend: boolean): string | null {
  if (a.voided) return `${a.personName}'s attempt was voided (${a.voided.reason}); its results are never sent.`;
  if (a.passed === null) return `${a.personName}'s attempt has short answers to mark first.`;
  if (a.resultsSentAt && !resend) return `${a.personName}'s results were already sent; use "Send results again" to send them once more.`;
  return null;
}

/**
 * Inside the caller's transaction, so an import and its result emails commit together. Each
 * attempt is claimed first (`results_sent_at IS NULL`, unless `resend`): two clicks, two windows
 * or a click and an import queue one email, never two.
 */
export async function queueResults(trx: Db, ctx: CoreContext, attempts: readonly Attempt[], quizUrls: ReadonlyMap<number, string | null>, resend = false): Promise<SentResults> {
  const skipped = attempts.flatMap((a) => {
    const reason = skipReason(a, resend);
    return reason ? [{ attemptId: a.id, reason }] : [];
  });
  const candidates = attempts.filter((a) => skipReason(a, resend) === null);
  const now = ctx.clock.now().toISOString();
  const claimed = new Set(await claimResultsSent(trx, candidates.map((a) => a.id), now, resend));
  const ready = candidates.filter((a) => claimed.has(a.id));
  for (const a of candidates) if (!claimed.has(a.id)) skipped.push({ attemptId: a.id, reason: `${a.personName}'s results were sent a moment ago by someone else.` });
  await queueMails(trx, ctx, ready.map((a) => resultMail(a, quizUrls.get(a.quizId) ?? null) as QueueMailInput<MailTemplateKey>));
  await insertAuditBatch(
    trx,
    ready.map((a) => ({ at: now, operator: ctx.operator, action: 'quiz.results_sent', entity: 'person' as const, entityId: a.personId, after: { attemptId: a.id, quiz: a.quizTitle, percent: a.percent, passed: a.passed, ...(a.resultsSentAt ? { resent: true } : {}) } })),
  );
  return { resultEmails: ready.length, sent: ready.map((a) => ({ attemptId: a.id, resultsSentAt: now })), skipped };
}
