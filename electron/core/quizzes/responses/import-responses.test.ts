import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../../test-support/temp-core';
import { call, googleCsvBytes, microsoftAnswers, microsoftFormsXlsx, quizOfKind, twoTrainees } from '../test-support/training-kit';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

const google = () => ({ fileName: 'HMIS New User Quiz (Responses).csv', bytes: googleCsvBytes() });

describe('Google Forms responses (CSV with BOM, CRLF, quoted commas, "7 / 10" scores)', () => {
  it('previews: the quiz found, the stray column and the stranger listed, nothing written', async () => {
    await twoTrainees(t.core);
    const preview = await call(t.core, 'quizzes.previewResponses', google());
    expect(preview).toMatchObject({ format: 'google_forms', quizTitle: 'HMIS New User Quiz', rows: 3, matchedRows: 2, alreadyImported: 0, missingQuestions: [] });
    expect(preview.unmatchedQuestions).toEqual(['How many minutes did the training take you?']);
    expect(preview.unmatchedRows).toEqual([{ row: 4, email: 'someone.else@elsewhere.example.org', name: '', takenOn: '2026-11-27' }]);
    expect(preview.columns.filter((c) => c.how === 'text')).toHaveLength(10);
    expect((await call(t.core, 'quizzes.attempts', {})).total).toBe(0);
  });

  it('grades every matched row at once: one pass, one fail with the missed questions and correct answers', async () => {
    const { ngozi, tomas } = await twoTrainees(t.core);
    const result = await call(t.core, 'quizzes.importResponses', google());
    expect(result).toMatchObject({ graded: 2, passed: 1, failed: 1, needsMarking: 0, alreadyImported: 0, unmatchedQuestions: ['How many minutes did the training take you?'] });
    expect(result.unmatchedRows.map((r) => r.email)).toEqual(['someone.else@elsewhere.example.org']);
    const [pass] = (await call(t.core, 'quizzes.attempts', { personId: ngozi.id })).items;
    expect(pass).toMatchObject({ percent: 100, passed: true, takenOn: '2026-11-27', source: 'google_forms', tryNumber: 1, missed: [] });
    const [fail] = (await call(t.core, 'quizzes.attempts', { personId: tomas.id })).items;
    expect(fail).toMatchObject({ score: 7, maxScore: 10, percent: 70, passed: false });
    expect(fail?.missed.map((m) => [m.number, m.yourAnswer, m.correctAnswer])).toEqual([
      [1, 'Let them, if your supervisor agrees', 'Refuse: your user ID and password are for you alone'],
      [3, 'Whenever you step away from your desk, even briefly', 'Whenever you step away from your desk, even briefly; Before anyone else uses your computer'],
      [8, 'True', 'False'],
    ]);
  });

  it('imports a cumulative export again without grading anyone twice', async () => {
    await twoTrainees(t.core);
    await call(t.core, 'quizzes.importResponses', google());
    const again = await call(t.core, 'quizzes.importResponses', google());
    expect(again).toMatchObject({ graded: 0, alreadyImported: 2 });
    expect((await call(t.core, 'quizzes.attempts', {})).total).toBe(2);
  });

  it('follows the decisions: a stranger row given to a person, a column ignored', async () => {
    const { tomas } = await twoTrainees(t.core);
    const result = await call(t.core, 'quizzes.importResponses', { ...google(), rows: { '4': tomas.id }, columns: { 'How many minutes did the training take you?': null } });
    expect(result).toMatchObject({ graded: 3, unmatchedRows: [], unmatchedQuestions: [] });
    const tries = (await call(t.core, 'quizzes.attempts', { personId: tomas.id })).items.map((a) => [a.tryNumber, a.percent]);
    expect(tries).toEqual([
      [2, 100],
      [1, 70],
    ]);
  });

  it('with sendResults queues one result email each: the fail\'s has the missed questions and the retake link', async () => {
    await twoTrainees(t.core);
    const quiz = await quizOfKind(t.core, 'new_user');
    const result = await call(t.core, 'quizzes.importResponses', { ...google(), sendResults: true });
    expect(result).toMatchObject({ resultEmails: 2 });
    const mail = await call(t.core, 'mail.list', {});
    expect(mail.items.map((m) => m.template)).toEqual(['quiz_result', 'quiz_result']);
    const fail = mail.items.find((m) => m.subject.includes('70%'));
    const detail = await call(t.core, 'mail.get', { id: fail?.id ?? 0 });
    expect(detail.text).toContain('Correct answer: Refuse: your user ID and password are for you alone');
    expect(detail.text).toContain('8. You may look up a relative');
    expect(quiz.url).toBeTruthy();
    expect(detail.text).toContain(`Take the quiz again here:\n${quiz.url}`);
    const pass = await call(t.core, 'mail.get', { id: mail.items.find((m) => m.subject.includes('100%'))?.id ?? 0 });
    expect(pass.text).not.toContain('Take the quiz again');
  });
});

describe('Microsoft Forms responses (XLSX: date cells, ";"-joined answers, Points/Feedback columns)', () => {
  it('matches rows by email in any case and grades them', async () => {
    const { ngozi, tomas } = await twoTrainees(t.core);
    const quiz = await quizOfKind(t.core, 'new_user');
    const right = quiz.questions.map((q) => q.correct);
    const wrong = right.map((c, i) => (i < 3 ? [c[0] === 0 ? 1 : 0] : c));
    const bytes = await microsoftFormsXlsx(quiz, [
      { email: 'NGOZI.OKAFOR@delta.example.org', name: 'Ngozi Okafor', answers: microsoftAnswers(quiz, right), when: new Date('2026-11-26T16:05:00Z') },
      { email: 'tomas.herrera@delta.example.org', name: 'Tomás Herrera', answers: microsoftAnswers(quiz, wrong), when: new Date('2026-11-26T17:40:00Z') },
    ]);
    const result = await call(t.core, 'quizzes.importResponses', { fileName: 'New user quiz.xlsx', bytes });
    expect(result).toMatchObject({ graded: 2, passed: 1, failed: 1, unmatchedRows: [], unmatchedQuestions: [] });
    const [a] = (await call(t.core, 'quizzes.attempts', { personId: ngozi.id })).items;
    const [b] = (await call(t.core, 'quizzes.attempts', { personId: tomas.id })).items;
    expect([a?.source, a?.takenOn, a?.percent, b?.percent]).toEqual(['microsoft_forms', '2026-11-26', 100, 70]);
  });
});
