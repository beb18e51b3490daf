import type { Quiz } from '../../../shared/domain/quiz';
import { owedRanges } from '../../../shared/recert';
import { insertAudit } from '../audit/audit.repo';
import { fixedClock } from '../clock';
import type { CoreContext } from '../context';
import type { Db } from '../db/open-database';
import { latestMailOf, outboxCast, setSendMail } from '../demo/sample-people.repo';
import { getAttempts } from '../quizzes/attempts.repo';
import { listQuizzes } from '../quizzes/quizzes.repo';
import { queueResults } from '../quizzes/results-mail';
import { readPolicy } from '../recert/policy-service';
import { claimReminders, linkReminderMails, owedReminders } from '../recert/reminders.repo';
import { listLevelTraining, listMaterials } from '../training/catalog.repo';
import { planTraining } from '../training/training-plan';
import { mailFor } from '../training/training-send-service';
import { setSampleState } from './outbox-admin.repo';
import { queueMail } from './queue-mail';

const MINUTE = 60_000;

/**
 * The sample outbox (`demo seed`): every message is one a sample person's story sent, at the moment
 * it happened, so a person's messages always match where they stand. The sample office has no mail
 * server (Settings stay as they were), so messages went out as drafts that staff sent from their
 * own mail program and marked sent; nothing in it claims a server ever answered.
 *
 * - the training email of someone waiting for their quiz, marked sent a little after;
 * - the results of a failed quiz (with the retake link), marked sent, and a separate retake
 *   request staff cancelled because the results already asked for the retake;
 * Then the document stories reject a form this morning (its email is queued by the review), and
 * today's recertification reminder of someone due is queued now (seedSampleReminder). With no
 * server, the sender makes drafts of those two.
 */
export async function seedSampleMail(trx: Db, ctx: CoreContext): Promise<void> {
  const cast = await outboxCast(trx);
  const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * MINUTE).toISOString();
  const back = (iso: string) => ({ ...ctx, clock: fixedClock(iso) });
  const markSent = async (id: number, createdAt: string, sentAt: string) => {
    await setSampleState(trx, id, { status: 'sent', attempts: 1, nextAttemptAt: null, lastError: null, recipients: [], sentAt, createdAt });
    await insertAudit(trx, { at: sentAt, operator: ctx.operator, action: 'mail.marked_sent', entity: 'mail', entityId: id, before: { status: 'drafted' }, after: { status: 'sent' }, note: 'Sample data' });
  };
  const quizzes = new Map((await listQuizzes(trx)).map((q) => [q.id, q] as [number, Quiz]));
  // Queued in the order they happened: the outbox lists by message number, so it reads in time order.
  const messages: { at: string; queue: () => Promise<void> }[] = [];

  const t = cast.trainee;
  if (t) {
    const [levels, materials] = await Promise.all([listLevelTraining(trx), listMaterials(trx)]);
    const plan = planTraining({ id: t.personId, name: t.name, email: t.email, accessLevelId: t.accessLevelId }, null, { levels: new Map(levels.map((l) => [l.id, l])), materials, quizzes });
    if (!plan.problem) {
      messages.push({
        at: t.sentAt,
        queue: async () => {
          const mail = await queueMail(trx, back(t.sentAt), mailFor(plan));
          await setSendMail(trx, t.sendId, mail.id);
          await markSent(mail.id, t.sentAt, at(t.sentAt, 20));
        },
      });
    }
  }

  const [attempt] = cast.failed ? await getAttempts(trx, [cast.failed.attemptId]) : [];
  if (attempt && cast.failed) {
    const sentAt = at(cast.failed.gradedAt, 30);
    const url = quizzes.get(attempt.quizId)?.url ?? null;
    messages.push({
      at: sentAt,
      queue: async () => {
        await queueResults(trx, back(sentAt), [attempt], new Map([[attempt.quizId, url]]));
        const result = await latestMailOf(trx, attempt.personId, 'quiz_result');
        if (result !== undefined) await markSent(result, sentAt, at(sentAt, 15));
        const retake = await queueMail(trx, back(at(sentAt, 1)), { template: 'retake_request', personId: attempt.personId, data: { quiz: { title: attempt.quizTitle, url: url ?? '', percent: attempt.percent, passMark: attempt.passMark } } });
        await setSampleState(trx, retake.id, { status: 'cancelled', attempts: 0, nextAttemptAt: null, lastError: null, recipients: [], sentAt: null, createdAt: at(sentAt, 1) });
        await insertAudit(trx, { at: at(sentAt, 2), operator: ctx.operator, action: 'mail.cancelled', entity: 'mail', entityId: retake.id, after: { status: 'cancelled' }, note: 'Sample data: the results email already asks for the retake' });
      },
    });
  }

  messages.sort((x, y) => x.at.localeCompare(y.at));
  for (const m of messages) await m.queue();
}


/**
 * The recertification reminder a daily run owes one due person today, claimed as the run claims
 * it. Queued last, after the document stories (whose rejection email went this morning).
 */
export async function seedSampleReminder(trx: Db, ctx: CoreContext): Promise<void> {
  const today = ctx.clock.today();
  const { policy } = await readPolicy(trx);
  const ranges = owedRanges(today, policy).filter((r) => r.offsetDays <= 0);
  // A reminder before the due date: the ranges also catch up on ones a closed day missed.
  const due = (await owedReminders(trx, ranges)).find((o) => !o.sent && o.quizTitle && o.quizUrl && o.dueOn >= today);
  if (!due) return;
  const now = ctx.clock.now().toISOString();
  const [claimed] = await claimReminders(trx, ranges.filter((r) => r.offsetDays === due.offsetDays), [due.personId], today, now);
  if (!claimed) return;
  const quiz = { title: due.quizTitle ?? '', url: due.quizUrl ?? '', directions: due.quizDirections ?? '' };
  const mail = await queueMail(trx, ctx, { template: 'recert_reminder', personId: due.personId, data: { dueDate: due.dueOn, quiz } });
  await linkReminderMails(trx, [{ id: claimed.id, mailId: mail.id }]);
}
