import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../quizzes/test-support/training-kit';
import { tempCore, type TempCore } from '../test-support/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

describe('demo seed: training samples', () => {
  it('fills every training queue, with first-try passes, passes after a retake, failures and credentials', async () => {
    await call(t.core, 'demo.seed', { people: 250 });
    const count = async (stage: 'training_sent' | 'quiz_passed' | 'active') => (await call(t.core, 'people.list', { stage, limit: 1 })).total;
    expect(await count('training_sent')).toBeGreaterThan(5);
    expect(await count('quiz_passed')).toBeGreaterThan(3);
    expect(await count('active')).toBeGreaterThan(5);
    const quiz = (await call(t.core, 'quizzes.list', {})).find((q) => q.kind === 'new_user');
    const stats = await call(t.core, 'quizzes.stats', { id: quiz?.id ?? 0 });
    expect(stats.attemptsToPass.map((a) => a.attempts)).toEqual([1, 2]);
    expect(stats.firstAttemptPassRate).toBeGreaterThan(40);
    expect(stats.firstAttemptPassRate).toBeLessThan(100);
    const failed = (await call(t.core, 'quizzes.attempts', { limit: 500 })).items.filter((a) => a.passed === false);
    expect(failed.length).toBeGreaterThan(3);
  });
});
