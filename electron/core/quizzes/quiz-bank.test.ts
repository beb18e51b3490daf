import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { definitionOf } from './quiz-bank-service';
import { call, perfectAnswers, quizOfKind, twoTrainees } from './test-support/training-kit';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

describe('quiz bank', () => {
  it('ships a real 10-question quiz per kind, passing at 80%', async () => {
    const quizzes = await t.core.handlers['quizzes.list']({});
    expect(quizzes.map((q) => [q.kind, q.questions.length, q.passMark, q.version])).toEqual(
      expect.arrayContaining([
        ['new_user', 10, 80, 1],
        ['recertification', 10, 80, 1],
        ['assessment', 10, 80, 1],
      ]),
    );
    const types = new Set(quizzes.flatMap((q) => q.questions.map((x) => x.type)));
    expect(types).toEqual(new Set(['single', 'multiple', 'true_false']));
  });

  it('rewrites a version nobody was graded against, and makes a new version once someone was', async () => {
    const { ngozi } = await twoTrainees(t.core);
    const quiz = await quizOfKind(t.core, 'new_user');
    const def = definitionOf(quiz);
    const edited = await t.core.handlers['quizzes.save']({ id: quiz.id, definition: { ...def, passMark: 70 } });
    expect([edited.version, edited.passMark]).toEqual([1, 70]);

    const first = await call(t.core, 'quizzes.grade', { personId: ngozi.id, quizId: quiz.id, answers: perfectAnswers(edited) });
    const renamed = await t.core.handlers['quizzes.save']({ id: quiz.id, definition: { ...def, passMark: 70, title: 'New User Quiz (2027)' } });
    expect(renamed.version).toBe(1); // the title is not graded: no new version

    const questions = def.questions.map((q, i) => (i === 0 ? { ...q, correct: [0] } : q));
    const v2 = await t.core.handlers['quizzes.save']({ id: quiz.id, definition: { ...def, questions } });
    expect([v2.version, v2.versions, v2.passMark, v2.attempts]).toEqual([2, 2, 80, 0]);

    const [old] = (await call(t.core, 'quizzes.attempts', { personId: ngozi.id })).items;
    expect(old).toMatchObject({ id: first.id, version: 1, percent: 100, passed: true, passMark: 70 });
    const versions = await t.core.handlers['quizzes.versions']({ id: quiz.id });
    expect(versions.map((v) => [v.version, v.passMark, v.questions[0]?.correct])).toEqual([
      [2, 80, [0]],
      [1, 70, [1]],
    ]);
    const history = await t.core.handlers['people.history']({ id: ngozi.id });
    expect(history.map((h) => h.action)).toContain('quiz.graded');
  });

  it('exports a quiz as JSON and imports it back as a new quiz with the same questions', async () => {
    const quiz = await quizOfKind(t.core, 'assessment');
    const file = await t.core.handlers['quizzes.export']({ id: quiz.id });
    expect(file.fileName).toBe('vi-spdat-assessment-quiz.quiz.json');
    const imported = await t.core.handlers['quizzes.import']({ fileName: file.fileName, text: `\uFEFF${file.text}` });
    expect(imported.id).not.toBe(quiz.id);
    expect(definitionOf(imported)).toEqual(definitionOf(quiz));
  });

  it('refuses a quiz file that is not one, or whose key points nowhere, and writes nothing', async () => {
    const before = (await t.core.handlers['quizzes.list']({})).length;
    await expect(t.core.handlers['quizzes.import']({ fileName: 'notes.txt', text: 'hello' })).rejects.toThrow('notes.txt is not a quiz file');
    const bad = { format: 'hmis-access-desk/quiz@1', quiz: { title: 'X', kind: 'new_user', questions: [{ id: 'q1', type: 'single', text: 'Q?', options: ['a', 'b'], correct: [5] }] } };
    await expect(t.core.handlers['quizzes.import']({ fileName: 'x.json', text: JSON.stringify(bad) })).rejects.toThrow(/option that does not exist/);
    expect((await t.core.handlers['quizzes.list']({})).length).toBe(before);
  });

  it('will not archive a quiz an access level still uses', async () => {
    const quiz = await quizOfKind(t.core, 'recertification');
    await expect(t.core.handlers['quizzes.archive']({ id: quiz.id, archived: true })).rejects.toThrow(/still used by Agency Manager/);
  });
});
