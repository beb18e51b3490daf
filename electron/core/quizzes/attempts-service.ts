import { AppError } from '../../../shared/app-error';
import type { ParsedInput } from '../../../shared/contract';
import type { Attempt } from '../../../shared/domain/quiz-attempt';
import { grade } from '../../../shared/grading';
import { insertAudit } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import { mustGetPerson } from '../people/person-writes';
import { attemptsForStats, getAttempts, insertAttempts, listAttempts, updateMarks, voidAttempt } from './attempts.repo';
import { mustGetQuiz } from './quiz-bank-service';
import { getVersions, holdQuizAsRead, listQuizzes, listVersions } from './quizzes.repo';
import { queueResults, type SentResults } from './results-mail';
import { quizStatistics } from './stats';
import type { QuizStats } from '../../../shared/domain/quiz-attempt';

async function mustGetAttempt(ctx: CoreContext, id: number): Promise<Attempt> {
  const [found] = await getAttempts(ctx.db, [id]);
  if (!found) throw new AppError('not_found', `No quiz attempt with number ${id} exists. Reload the page.`);
  return found;
}

/** Only answers that name a question of the quiz and an option it has: a typo cannot grade. */
function checkAnswers(questions: readonly { id: string; options: readonly string[] }[], answers: ParsedInput<'quizzes.grade'>['answers']): void {
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const [qid, answer] of Object.entries(answers)) {
    const q = byId.get(qid);
    if (!q) throw new AppError('invalid', `The quiz has no question "${qid}".`, [{ field: `answers.${qid}`, message: 'Unknown question.' }]);
    if (answer.choices.some((c) => c >= q.options.length)) throw new AppError('invalid', `Question "${qid}" has no option ${Math.max(...answer.choices) + 1}.`, [{ field: `answers.${qid}`, message: 'Unknown option.' }]);
  }
}

export function createAttemptsService(ctx: CoreContext) {
  async function sendResults(ids: readonly number[], resend = false): Promise<SentResults> {
    const attempts = await getAttempts(ctx.db, ids);
    const found = new Set(attempts.map((a) => a.id));
    const missing = ids.filter((id) => !found.has(id)).map((attemptId) => ({ attemptId, reason: 'No such attempt.' }));
    const urls = new Map((await listQuizzes(ctx.db)).map((q) => [q.id, q.url]));
    const sent = await ctx.db.transaction().execute((trx) => queueResults(trx, ctx, attempts, urls, resend));
    ctx.emit('changed', { entities: ['mail', 'quizzes'] });
    return { ...sent, skipped: [...sent.skipped, ...missing] };
  }

  /**
   * Hand entry: graded against the quiz's current version, recorded with its audit row. A quiz
   * edited between the grading and the write is graded once more against what it is now.
   */
  async function record(input: ParsedInput<'quizzes.grade'>): Promise<Attempt> {
    const person = await mustGetPerson(ctx.db, input.personId, ctx.clock.today());
    const outcome = (await recordOnce(input, person)) ?? (await recordOnce(input, person));
    if (!outcome) throw new AppError('conflict', 'The quiz was changed while this attempt was being graded. Reload the quiz and grade the attempt again.');
    ctx.emit('changed', { entities: ['people', 'quizzes'] });
    if (input.sendResults && outcome.passed !== null) await sendResults([outcome.id]);
    return mustGetAttempt(ctx, outcome.id);
  }

  async function recordOnce(input: ParsedInput<'quizzes.grade'>, person: { id: number }): Promise<{ id: number; passed: boolean | null } | null> {
    const today = ctx.clock.today();
    const quiz = await mustGetQuiz(ctx.db, input.quizId);
    checkAnswers(quiz.questions, input.answers);
    const g = grade(quiz, input.answers, input.marks);
    const now = ctx.clock.now().toISOString();
    const ids = await ctx.db.transaction().execute(async (trx) => {
      if (!(await holdQuizAsRead(trx, quiz.id, quiz.updatedAt))) return null;
      const ids = await insertAttempts(trx, [{ personId: person.id, quizId: quiz.id, quizVersionId: quiz.versionId, takenOn: input.takenOn ?? today, source: 'hand', answers: input.answers, marks: input.marks, grade: g, responseKey: null }], now);
      await insertAudit(trx, { at: now, operator: ctx.operator, action: 'quiz.graded', entity: 'person', entityId: person.id, after: { attemptId: ids[0], quiz: quiz.title, version: quiz.version, percent: g.percent, passed: g.passed, source: 'hand' } });
      return ids;
    });
    return ids ? { id: ids[0] as number, passed: g.passed } : null;
  }

  /** Short answers marked by hand; the attempt is graded again against its own version. */
  async function mark(input: ParsedInput<'quizzes.mark'>): Promise<Attempt> {
    const current = await mustGetAttempt(ctx, input.id);
    if (current.voided) throw new AppError('conflict', `This attempt by ${current.personName} was voided, so it is not marked. Enter a new attempt instead.`);
    const version = (await getVersions(ctx.db, [current.quizVersionId])).get(current.quizVersionId);
    if (!version) throw new AppError('internal', 'The quiz version of this attempt is missing.');
    const marks = { ...current.marks, ...input.marks };
    const g = grade(version, current.answers, marks);
    const now = ctx.clock.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await updateMarks(trx, current.id, current.marks, marks, g, now))) {
        throw new AppError('conflict', `Someone else marked this attempt by ${current.personName} while you were marking it. Reload to see their marks, then make yours again.`);
      }
      await insertAudit(trx, { at: now, operator: ctx.operator, action: 'quiz.marked', entity: 'person', entityId: current.personId, before: { percent: current.percent, passed: current.passed }, after: { attemptId: current.id, percent: g.percent, passed: g.passed } });
    });
    ctx.emit('changed', { entities: ['people', 'quizzes'] });
    if (input.sendResults && g.passed !== null) await sendResults([current.id]);
    return mustGetAttempt(ctx, current.id);
  }

  /** Voids a mistaken attempt, once: the stage triggers (migration 009) move the person back if it was their pass. */
  async function voidOne(input: ParsedInput<'quizzes.voidAttempt'>): Promise<Attempt> {
    const current = await mustGetAttempt(ctx, input.id);
    const now = ctx.clock.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await voidAttempt(trx, current.id, ctx.operator, input.reason, now))) {
        throw new AppError('conflict', `This attempt by ${current.personName} was already voided. Reload to see who voided it and why.`);
      }
      await insertAudit(trx, { at: now, operator: ctx.operator, action: 'quiz.voided', entity: 'person', entityId: current.personId, before: { percent: current.percent, passed: current.passed }, after: { attemptId: current.id, quiz: current.quizTitle, reason: input.reason } });
    });
    ctx.emit('changed', { entities: ['people', 'quizzes'] });
    return mustGetAttempt(ctx, current.id);
  }

  return {
    record,
    voidAttempt: voidOne,
    mark,
    sendResults,
    list: (input: ParsedInput<'quizzes.attempts'>) => listAttempts(ctx.db, input),
    async stats(quizId: number): Promise<QuizStats> {
      const quiz = await mustGetQuiz(ctx.db, quizId);
      const [versions, attempts] = await Promise.all([listVersions(ctx.db, quizId), attemptsForStats(ctx.db, quizId)]);
      return quizStatistics(quiz, new Map(versions.map((v) => [v.id, v])), attempts);
    },
  };
}
