import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grade } from '../../../shared/grading';
import { expectOneWinner, race } from '../test-support/race';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { definitionOf } from './quiz-bank-service';
import { call, googleCsvBytes, perfectAnswers, quizOfKind, twoTrainees } from './test-support/training-kit';

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

describe('an edit that lands between grading and recording', () => {
  it('makes a new version rather than rewrite the one the imported attempts were just graded against', async () => {
    let edit: Promise<unknown> | undefined;
    let onGraded = () => {};
    // The import announces its progress after grading and before it writes: the edit starts
    // there, so it reads the quiz (no attempts yet) before the attempts are written.
    const core = await tempCore({ emit: (event, payload) => event === 'progress' && 'job' in payload && payload.job === 'quizzes.importResponses' && payload.done === 0 && onGraded() });
    try {
      await twoTrainees(core.core);
      const quiz = await quizOfKind(core.core, 'new_user');
      const def = definitionOf(quiz);
      const questions = def.questions.map((q, i) => (i === 0 ? { ...q, correct: [(q.correct[0] ?? 0) === 0 ? 1 : 0] } : q));
      onGraded = () => {
        edit ??= call(core.core, 'quizzes.save', { id: quiz.id, expectedUpdatedAt: quiz.updatedAt, definition: { ...def, questions } });
      };
      await call(core.core, 'quizzes.importResponses', { fileName: 'HMIS New User Quiz (Responses).csv', bytes: googleCsvBytes() });
      expect(await edit).toMatchObject({ version: 2 });
      const versions = new Map((await core.core.handlers['quizzes.versions']({ id: quiz.id })).map((v) => [v.id, v]));
      const attempts = (await call(core.core, 'quizzes.attempts', { quizId: quiz.id })).items;
      expect(attempts).toHaveLength(2);
      for (const attempt of attempts) {
        const gradedWith = versions.get(attempt.quizVersionId);
        if (!gradedWith) throw new Error('attempt without its version');
        expect(attempt.percent).toBe(grade(gradedWith, attempt.answers, attempt.marks).percent);
      }
    } finally {
      await core.dispose();
    }
  });
});
