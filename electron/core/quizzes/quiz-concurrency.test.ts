import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grade } from '../../../shared/grading';
import { expectOneWinner, race } from '../test-support/race';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { definitionOf } from './quiz-bank-service';
import { call, perfectAnswers, quizOfKind, twoTrainees } from './test-support/training-kit';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

describe('quiz edits at the same time', () => {
  it('keeps one of two edits from the same base and refuses the other', async () => {
    const quiz = await quizOfKind(t.core, 'new_user');
    const def = definitionOf(quiz);
    const save = (passMark: number) => () => call(t.core, 'quizzes.save', { id: quiz.id, expectedUpdatedAt: quiz.updatedAt, definition: { ...def, passMark } });
    const outcome = await race(save(70), save(90));
    const winner = expectOneWinner(outcome, new RegExp(`^Someone else changed the quiz ${quiz.title} while you were editing it\\. Reload`));
    const stored = await t.core.handlers['quizzes.get']({ id: quiz.id });
    expect([stored.passMark, stored.version]).toEqual([winner.passMark, 1]);
  });

  it('never records an attempt graded with a key its version no longer has, whichever of grade and edit goes first', async () => {
    const { ngozi } = await twoTrainees(t.core);
    const quiz = await quizOfKind(t.core, 'new_user');
    const def = definitionOf(quiz);
    const questions = def.questions.map((q, i) => (i === 0 ? { ...q, correct: [(q.correct[0] ?? 0) === 0 ? 1 : 0] } : q));
    const outcome = await race<unknown>(
      () => call(t.core, 'quizzes.grade', { personId: ngozi.id, quizId: quiz.id, answers: perfectAnswers(quiz) }),
      () => call(t.core, 'quizzes.save', { id: quiz.id, expectedUpdatedAt: quiz.updatedAt, definition: { ...def, questions } }),
    );
    expect(outcome.lost).toEqual([]);
    const [attempt] = (await call(t.core, 'quizzes.attempts', { personId: ngozi.id })).items;
    const versions = await t.core.handlers['quizzes.versions']({ id: quiz.id });
    const gradedWith = versions.find((v) => v.id === attempt?.quizVersionId);
    if (!attempt || !gradedWith) throw new Error('no attempt or version');
    expect(attempt.percent).toBe(grade(gradedWith, attempt.answers, attempt.marks).percent);
  });

  it('refuses the second of two markers working from the same marks, so neither mark is lost', async () => {
    const { ngozi } = await twoTrainees(t.core);
    const quiz = await quizOfKind(t.core, 'new_user');
    const def = definitionOf(quiz);
    const shortQuestions = [
      { id: 'short-1', type: 'short' as const, text: 'Who may see a client record?', modelAnswer: 'Agencies the client consented to share with' },
      { id: 'short-2', type: 'short' as const, text: 'When do you lock your screen?', modelAnswer: 'Whenever you leave it' },
    ];
    const withShort = await call(t.core, 'quizzes.save', { id: quiz.id, definition: { ...def, questions: [...def.questions, ...shortQuestions] } });
    const typed = { 'short-1': { choices: [], text: 'Only consented agencies' }, 'short-2': { choices: [], text: 'Always' } };
    const attempt = await call(t.core, 'quizzes.grade', { personId: ngozi.id, quizId: quiz.id, answers: { ...perfectAnswers(withShort), ...typed } });
    const outcome = await race(() => call(t.core, 'quizzes.mark', { id: attempt.id, marks: { 'short-1': true } }), () => call(t.core, 'quizzes.mark', { id: attempt.id, marks: { 'short-2': false } }));
    const winner = expectOneWinner(outcome, /^Someone else marked this attempt by Ngozi Okafor while you were marking it\. Reload/);
    const [stored] = (await call(t.core, 'quizzes.attempts', { personId: ngozi.id })).items;
    expect(stored?.marks).toEqual(winner.marks);
  });
});
