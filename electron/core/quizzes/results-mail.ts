import type { MailTemplateKey } from '../../../shared/domain/mail-templates';
import type { Attempt } from '../../../shared/domain/quiz-attempt';
import { insertAuditBatch } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import type { Db } from '../db/open-database';
import { queueMails, type QueueMailInput } from '../mail/queue-mail';
import { markResultsSent } from './attempts.repo';

/**
 * "Send results": the quiz-result email says exactly what the attempt shows (score, pass or fail,
 * each missed question with the person's answer and the correct one); a fail also asks for a retake.
 */
function resultMails(attempt: Attempt, quizUrl: string | null): QueueMailInput<MailTemplateKey>[] {
  const quiz = { title: attempt.quizTitle, percent: attempt.percent, passMark: attempt.passMark };
  const result: QueueMailInput<'quiz_result'> = {
    template: 'quiz_result',
    personId: attempt.personId,
    data: {
      quiz: { ...quiz, passed: attempt.passed === true },
      missedQuestions: attempt.missed.map(({ number, question, yourAnswer, correctAnswer }) => ({ number, question, yourAnswer, correctAnswer })),
    },
  };
  if (attempt.passed) return [result as QueueMailInput<MailTemplateKey>];
  const retake: QueueMailInput<'retake_request'> = { template: 'retake_request', personId: attempt.personId, data: { quiz: { ...quiz, url: quizUrl ?? '' } } };
  return [result, retake] as QueueMailInput<MailTemplateKey>[];
}

export interface SentResults {
  resultEmails: number;
  retakeEmails: number;
  skipped: { attemptId: number; reason: string }[];
}

/** Inside the caller's transaction, so an import and its result emails commit together. */
export async function queueResults(trx: Db, ctx: CoreContext, attempts: readonly Attempt[], quizUrls: ReadonlyMap<number, string | null>): Promise<SentResults> {
  const ready = attempts.filter((a) => a.passed !== null);
  const skipped = attempts.filter((a) => a.passed === null).map((a) => ({ attemptId: a.id, reason: `${a.personName}'s attempt has short answers to mark first.` }));
  const mails = ready.flatMap((a) => resultMails(a, quizUrls.get(a.quizId) ?? null));
  await queueMails(trx, ctx, mails);
  const now = ctx.clock.now().toISOString();
  await markResultsSent(trx, ready.map((a) => a.id), now);
  await insertAuditBatch(
    trx,
    ready.map((a) => ({ at: now, operator: ctx.operator, action: 'quiz.results_sent', entity: 'person' as const, entityId: a.personId, after: { attemptId: a.id, quiz: a.quizTitle, percent: a.percent, passed: a.passed } })),
  );
  const retakeEmails = ready.filter((a) => a.passed === false).length;
  return { resultEmails: ready.length, retakeEmails, skipped };
}
