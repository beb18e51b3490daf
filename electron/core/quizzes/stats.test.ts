import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { answersWithMistakes, call, quizOfKind, twoTrainees } from './test-support/training-kit';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

describe('quiz statistics', () => {
  it('gives the first-attempt pass rate, attempts to pass and the most-missed questions', async () => {
    const { ngozi, tomas } = await twoTrainees(t.core);
    const quiz = await quizOfKind(t.core, 'new_user');
    const grade = (personId: number, wrong: number) => call(t.core, 'quizzes.grade', { personId, quizId: quiz.id, answers: answersWithMistakes(quiz, wrong) });
    await grade(ngozi.id, 1);
    await grade(tomas.id, 3);
    await grade(tomas.id, 4);
    await grade(tomas.id, 0);
    const stats = await call(t.core, 'quizzes.stats', { id: quiz.id });
    expect(stats).toMatchObject({ people: 2, attempts: 4, firstAttemptPassRate: 50, meanAttemptsToPass: 2, attemptsToPass: [{ attempts: 1, people: 1 }, { attempts: 3, people: 1 }] });
    expect(stats.mostMissed.slice(0, 3).map((m) => [m.questionId, m.missed, m.answered])).toEqual([
      ['q1', 3, 4],
      ['q2', 2, 4],
      ['q3', 2, 4],
    ]);
  });
});
