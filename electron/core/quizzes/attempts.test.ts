import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { answersWithMistakes, call, perfectAnswers, quizOfKind, twoTrainees } from './test-support/training-kit';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

async function failedAttempt() {
  const { tomas } = await twoTrainees(t.core);
  const quiz = await quizOfKind(t.core, 'new_user');
  const attempt = await call(t.core, 'quizzes.grade', { personId: tomas.id, quizId: quiz.id, answers: answersWithMistakes(quiz, 4) });
  return { tomas, quiz, attempt };
}

const outbox = async () => (await call(t.core, 'mail.list', {})).items;

describe('send results', () => {
  it('a fail gets one email: the score, the missed questions and the link to take the quiz again', async () => {
    const { quiz, attempt } = await failedAttempt();
    const sent = await call(t.core, 'quizzes.sendResults', { attemptIds: [attempt.id] });
    expect(sent).toMatchObject({ resultEmails: 1, skipped: [], sent: [{ attemptId: attempt.id }] });
    const mails = await outbox();
    expect(mails.map((m) => m.template)).toEqual(['quiz_result']);
    const mail = await call(t.core, 'mail.get', { id: mails[0]?.id ?? 0 });
    expect(mail.text).toContain('You did not pass this time.');
    expect(mail.text).toContain('Correct answer:');
    expect(mail.text).toContain(`Take the quiz again here:\n${quiz.url ?? 'no url'}`);
  });

  it('tells the page the results are sent, and refuses a second send of the same attempt unless resend', async () => {
    const { attempt } = await failedAttempt();
    const first = await call(t.core, 'quizzes.sendResults', { attemptIds: [attempt.id] });
    const [after] = (await call(t.core, 'quizzes.attempts', { ids: [attempt.id] })).items;
    expect(after?.resultsSentAt).toBe(first.sent[0]?.resultsSentAt);
    const second = await call(t.core, 'quizzes.sendResults', { attemptIds: [attempt.id] });
    expect(second).toMatchObject({ resultEmails: 0, sent: [] });
    expect(second.skipped[0]?.reason).toContain('already sent');
    expect(await outbox()).toHaveLength(1);
    const again = await call(t.core, 'quizzes.sendResults', { attemptIds: [attempt.id], resend: true });
    expect(again.resultEmails).toBe(1);
    expect(await outbox()).toHaveLength(2);
  });

  it('two sends at once queue one email', async () => {
    const { attempt } = await failedAttempt();
    const both = await Promise.all([call(t.core, 'quizzes.sendResults', { attemptIds: [attempt.id] }), call(t.core, 'quizzes.sendResults', { attemptIds: [attempt.id] })]);
    expect(both.map((r) => r.resultEmails).sort()).toEqual([0, 1]);
    expect(await outbox()).toHaveLength(1);
  });

  it('a pass gets one email without the retake link', async () => {
    const { ngozi } = await twoTrainees(t.core);
    const quiz = await quizOfKind(t.core, 'new_user');
    const attempt = await call(t.core, 'quizzes.grade', { personId: ngozi.id, quizId: quiz.id, answers: perfectAnswers(quiz), sendResults: true });
    expect(attempt.resultsSentAt).not.toBeNull();
    const mails = await outbox();
    expect(mails).toHaveLength(1);
    expect((await call(t.core, 'mail.get', { id: mails[0]?.id ?? 0 })).text).not.toContain('Take the quiz again');
  });
});

describe('quizzes to grade', () => {
  it('says which quiz keeps a person in the queue when another one passed', async () => {
    const { ngozi } = await twoTrainees(t.core);
    await call(t.core, 'training.send', { personIds: [ngozi.id] });
    const newUser = await quizOfKind(t.core, 'new_user');
    await call(t.core, 'quizzes.grade', { personId: ngozi.id, quizId: newUser.id, answers: answersWithMistakes(newUser, 5) });
    await call(t.core, 'quizzes.grade', { personId: ngozi.id, quizId: newUser.id, answers: perfectAnswers(newUser) });
    const [row] = (await call(t.core, 'training.queue', { queue: 'quizzes_to_grade' })).items;
    expect(row).toMatchObject({ attempts: 2, lastAttempt: { passed: true, percent: 100 }, quizzesNotPassed: ['VI-SPDAT Assessment Quiz'] });
  });
});

describe('void a mistaken attempt', () => {
  async function passedBoth() {
    const { ngozi } = await twoTrainees(t.core);
    await call(t.core, 'training.send', { personIds: [ngozi.id] });
    const newUser = await quizOfKind(t.core, 'new_user');
    const assessment = await quizOfKind(t.core, 'assessment');
    await call(t.core, 'quizzes.grade', { personId: ngozi.id, quizId: newUser.id, answers: perfectAnswers(newUser) });
    const pass = await call(t.core, 'quizzes.grade', { personId: ngozi.id, quizId: assessment.id, answers: perfectAnswers(assessment) });
    return { ngozi, pass };
  }

  it('moves a person whose pass it was back to training sent, keeps it in history as voided, once', async () => {
    const { ngozi, pass } = await passedBoth();
    expect((await call(t.core, 'people.get', { id: ngozi.id })).stage).toBe('quiz_passed');
    const voided = await call(t.core, 'quizzes.voidAttempt', { id: pass.id, reason: 'Entered for the wrong person' });
    expect(voided.voided).toEqual({ at: '2026-11-28T15:00:00.000Z', by: 'test.operator', reason: 'Entered for the wrong person' });
    expect((await call(t.core, 'people.get', { id: ngozi.id })).stage).toBe('training_sent');
    const history = (await call(t.core, 'quizzes.attempts', { personId: ngozi.id })).items;
    expect(history.map((a) => [a.id, a.voided?.reason ?? null])).toEqual([
      [pass.id, 'Entered for the wrong person'],
      [pass.id - 1, null],
    ]);
    const [row] = (await call(t.core, 'training.queue', { queue: 'quizzes_to_grade' })).items;
    expect(row).toMatchObject({ attempts: 1, quizzesNotPassed: ['VI-SPDAT Assessment Quiz'] });
    await expect(call(t.core, 'quizzes.voidAttempt', { id: pass.id, reason: 'again' })).rejects.toThrow('was already voided');
    const audit = (await call(t.core, 'people.history', { id: ngozi.id })).filter((e) => e.action === 'quiz.voided');
    expect(audit).toHaveLength(1);
  });

  it('is never emailed: send results skips it, and it is not listed as unsent', async () => {
    const { attempt } = await failedAttempt();
    await call(t.core, 'quizzes.voidAttempt', { id: attempt.id, reason: 'Typed the wrong answers' });
    expect((await call(t.core, 'quizzes.attempts', { filter: 'unsent' })).total).toBe(0);
    const sent = await call(t.core, 'quizzes.sendResults', { attemptIds: [attempt.id], resend: true });
    expect(sent.resultEmails).toBe(0);
    expect(sent.skipped[0]?.reason).toContain('was voided');
    expect(await outbox()).toHaveLength(0);
  });

  it('refuses a void without a reason', async () => {
    const { attempt } = await failedAttempt();
    await expect(async () => call(t.core, 'quizzes.voidAttempt', { id: attempt.id, reason: '  ' })).rejects.toThrow();
  });
});
