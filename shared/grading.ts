import type { Question } from './domain/quiz';

/**
 * Grading is a pure function: answers + key -> score, passed, a result per question, and the
 * missed questions with their correct answers. Hand entry, Forms imports, the CLI and the
 * benchmark all call this one function, so they can never grade the same answers differently.
 */

/** One question's answer: chosen option indexes, and typed text (a short answer, or a choice no option matches). */
export interface Answer {
  choices?: readonly number[];
  text?: string;
}
export type Answers = Readonly<Record<string, Answer | undefined>>;
/** Hand marks for short answers: true = right, false = wrong, absent = not marked yet. */
export type Marks = Readonly<Record<string, boolean | undefined>>;

export interface GradingKey {
  passMark: number;
  questions: readonly Question[];
}

export type Outcome = 'correct' | 'wrong' | 'unanswered' | 'unmarked';

export interface QuestionResult {
  questionId: string;
  /** 1-based, as the quiz shows it. */
  number: number;
  outcome: Outcome;
  points: number;
  earned: number;
}

export interface MissedQuestion {
  questionId: string;
  number: number;
  question: string;
  yourAnswer: string;
  correctAnswer: string;
}

export interface Grade {
  score: number;
  maxScore: number;
  /** Whole percent, rounded down, so it never shows the pass mark for a score below it. */
  percent: number;
  /** Null while short answers wait for their hand marks. */
  passed: boolean | null;
  unmarked: number;
  results: QuestionResult[];
  missed: MissedQuestion[];
}

export const NO_ANSWER = '(no answer)';

function isBlank(answer: Answer | undefined): boolean {
  return !answer || ((answer.choices?.length ?? 0) === 0 && (answer.text ?? '').trim() === '');
}

/** Right only when exactly the keyed options are chosen, in any order, and nothing unrecognised was typed. */
function choicesRight(q: Question, answer: Answer): boolean {
  if ((answer.text ?? '').trim() !== '') return false;
  const chosen = new Set(answer.choices ?? []);
  return chosen.size === q.correct.length && q.correct.every((i) => chosen.has(i));
}

function outcomeOf(q: Question, answer: Answer | undefined, mark: boolean | undefined): Outcome {
  if (isBlank(answer)) return 'unanswered';
  if (q.type === 'short') return mark === undefined ? 'unmarked' : mark ? 'correct' : 'wrong';
  return choicesRight(q, answer as Answer) ? 'correct' : 'wrong';
}

/** The answer as the person gave it, in words: option texts in the quiz's order, then anything typed. */
export function answerText(q: Question, answer: Answer | undefined): string {
  if (isBlank(answer)) return NO_ANSWER;
  const chosen = [...new Set(answer?.choices ?? [])].sort((a, b) => a - b).map((i) => q.options[i] ?? `option ${i + 1}`);
  const typed = (answer?.text ?? '').trim();
  return [...chosen, ...(typed ? [typed] : [])].join('; ');
}

export function correctText(q: Question): string {
  if (q.type === 'short') return q.modelAnswer ?? 'Marked by hand';
  return q.correct.map((i) => q.options[i] ?? '').join('; ');
}

export function grade(key: GradingKey, answers: Answers, marks: Marks = {}): Grade {
  const results: QuestionResult[] = [];
  const missed: MissedQuestion[] = [];
  let score = 0;
  let maxScore = 0;
  let unmarked = 0;
  key.questions.forEach((q, index) => {
    const answer = answers[q.id];
    const outcome = outcomeOf(q, answer, marks[q.id]);
    const earned = outcome === 'correct' ? q.points : 0;
    score += earned;
    maxScore += q.points;
    if (outcome === 'unmarked') unmarked += 1;
    results.push({ questionId: q.id, number: index + 1, outcome, points: q.points, earned });
    if (outcome === 'wrong' || outcome === 'unanswered') {
      missed.push({ questionId: q.id, number: index + 1, question: q.text, yourAnswer: answerText(q, answer), correctAnswer: correctText(q) });
    }
  });
  // Integer arithmetic: 8 of 10 at an 80% mark passes exactly, with no floating-point doubt.
  const passed = unmarked > 0 ? null : maxScore > 0 && score * 100 >= key.passMark * maxScore;
  const percent = maxScore > 0 ? Math.floor((score * 100) / maxScore) : 0;
  return { score, maxScore, percent, passed, unmarked, results, missed };
}
