import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { question, type Question } from './domain/quiz';
import { grade, NO_ANSWER, type Answers, type GradingKey } from './grading';

const q = (input: Parameters<typeof question.parse>[0]): Question => question.parse(input);

const KEY: GradingKey = {
  passMark: 80,
  questions: [
    q({ id: 'q1', type: 'single', text: 'Who may know your HMIS user ID and password?', options: ['My supervisor', 'Only me', 'My team'], correct: [1] }),
    q({ id: 'q2', type: 'multiple', text: 'When must you lock your screen?', options: ['Leaving the desk', 'At lunch', 'Never'], correct: [0, 1] }),
    q({ id: 'q3', type: 'true_false', text: 'Client consent is needed before sharing.', correct: [0] }),
    q({ id: 'q4', type: 'short', text: 'Name one way to protect printed data.', modelAnswer: 'Shred it or lock it away.' }),
  ],
};

describe('grade', () => {
  it('scores, passes, and lists each missed question with the correct answer', () => {
    const g = grade(KEY, { q1: { choices: [0] }, q2: { choices: [1, 0] }, q3: { choices: [0] }, q4: { text: 'shred' } }, { q4: true });
    expect(g).toMatchObject({ score: 3, maxScore: 4, percent: 75, passed: false, unmarked: 0 });
    expect(g.missed).toEqual([{ questionId: 'q1', number: 1, question: KEY.questions[0]?.text, yourAnswer: 'My supervisor', correctAnswer: 'Only me' }]);
    expect(g.results.map((r) => r.outcome)).toEqual(['wrong', 'correct', 'correct', 'correct']);
  });

  it('leaves the outcome open while a short answer waits for its mark', () => {
    const g = grade(KEY, { q1: { choices: [1] }, q2: { choices: [0, 1] }, q3: { choices: [0] }, q4: { text: 'lock the drawer' } });
    expect(g).toMatchObject({ score: 3, passed: null, unmarked: 1, missed: [] });
  });

  it('counts an unanswered question as missed, and a typed choice no option matches as wrong', () => {
    const g = grade(KEY, { q2: { choices: [0, 1], text: 'Sometimes' } }, { q4: false });
    expect(g.missed.map((m) => [m.number, m.yourAnswer])).toEqual([
      [1, NO_ANSWER],
      [2, 'Leaving the desk; At lunch; Sometimes'],
      [3, NO_ANSWER],
      [4, NO_ANSWER],
    ]);
    expect(g.missed[3]?.correctAnswer).toBe('Shred it or lock it away.');
  });
});

/** A random quiz of choice questions and an answer sheet for it. */
const quizArb = fc
  .array(
    fc.record({
      type: fc.constantFrom('single' as const, 'multiple' as const, 'true_false' as const),
      optionCount: fc.integer({ min: 2, max: 6 }),
      points: fc.integer({ min: 1, max: 5 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
    }),
    { minLength: 1, maxLength: 15 },
  )
  .map((specs) =>
    specs.map((s, i) => {
      const count = s.type === 'true_false' ? 2 : s.optionCount;
      const options = Array.from({ length: count }, (_, k) => `Option ${k}`);
      const first = s.seed % count;
      const correct = s.type === 'multiple' ? [...new Set([first, (s.seed >> 3) % count])] : [first];
      return q({ id: `q${i}`, type: s.type, text: `Question ${i}`, options, correct, points: s.points });
    }),
  );

const answersArb = (questions: Question[]) =>
  fc.tuple(...questions.map((question) => fc.subarray(question.options.map((_, i) => i)))).map((lists) => {
    const answers: Record<string, { choices: number[] }> = {};
    questions.forEach((question, i) => (answers[question.id] = { choices: lists[i] ?? [] }));
    return answers as Answers;
  });

const withAnswers = quizArb.chain((questions) => fc.tuple(fc.constant(questions), answersArb(questions), fc.integer({ min: 1, max: 100 })));

describe('grade properties', () => {
  it('keeps the score between 0 and the total points, and the percent between 0 and 100', () => {
    fc.assert(
      fc.property(withAnswers, ([questions, answers, passMark]) => {
        const g = grade({ questions, passMark }, answers);
        expect(g.score).toBeGreaterThanOrEqual(0);
        expect(g.score).toBeLessThanOrEqual(g.maxScore);
        expect(g.percent).toBeGreaterThanOrEqual(0);
        expect(g.percent).toBeLessThanOrEqual(100);
        expect(g.results.filter((r) => r.outcome !== 'correct').length).toBe(g.missed.length);
      }),
    );
  });

  it('does not care in which order multiple-select choices were given', () => {
    fc.assert(
      fc.property(withAnswers, fc.integer(), ([questions, answers, passMark], salt) => {
        const shuffled: Record<string, { choices: number[] }> = {};
        for (const [qid, a] of Object.entries(answers)) {
          const list = [...(a?.choices ?? [])];
          list.sort((x, y) => ((x * 31 + salt) % 7) - ((y * 31 + salt) % 7) || y - x);
          shuffled[qid] = { choices: list };
        }
        expect(grade({ questions, passMark }, shuffled)).toEqual(grade({ questions, passMark }, answers));
      }),
    );
  });

  it('passes exactly at the mark and fails one point below it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 }), (total, rawScore) => {
        const score = rawScore % (total + 1);
        const questions = Array.from({ length: total }, (_, i) => q({ id: `q${i}`, type: 'true_false', text: `Q${i}`, correct: [0] }));
        const answers = Object.fromEntries(questions.map((question, i) => [question.id, { choices: [i < score ? 0 : 1] }]));
        const exactMark = (score * 100) / total;
        if (Number.isInteger(exactMark) && exactMark >= 1) expect(grade({ questions, passMark: exactMark }, answers).passed).toBe(true);
        if (score < total) {
          const above = Math.floor((score * 100) / total) + 1;
          if (above <= 100) expect(grade({ questions, passMark: above }, answers).passed).toBe(false);
        }
        const g = grade({ questions, passMark: 80 }, answers);
        expect(g.passed).toBe(score * 100 >= 80 * total);
        expect(g.passed).toBe(g.percent >= 80);
      }),
    );
  });
});
