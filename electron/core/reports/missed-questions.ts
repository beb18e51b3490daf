import { grade, type Answers, type GradingKey, type Marks } from '../../../shared/grading';
import type { ReportRow } from '../../../shared/domain/reports';
import { percent } from './report-query';

export interface GradedAnswers {
  quizId: number;
  versionId: number;
  answers: Answers;
  marks: Marks;
}

export interface VersionKey extends GradingKey {
  quizTitle: string;
}

/** Questions listed per quiz: the few an office can act on (rewrite, or stress in training). */
const PER_QUIZ = 5;

/**
 * Which questions are missed most, per quiz: each attempt graded again against its own version
 * (as quizzes.stats does), counted by question id across versions; unmarked answers count for
 * neither side. Highest miss rate first, then most misses.
 */
export function mostMissed(attempts: readonly GradedAnswers[], versions: ReadonlyMap<number, VersionKey>): ReportRow[] {
  const perQuestion = new Map<string, { quizId: number; quiz: string; text: string; missed: number; answered: number }>();
  for (const a of attempts) {
    const version = versions.get(a.versionId);
    if (!version) continue;
    const texts = new Map(version.questions.map((q) => [q.id, q.text]));
    for (const r of grade(version, a.answers, a.marks).results) {
      if (r.outcome === 'unmarked') continue;
      const key = `${a.quizId}|${r.questionId}`;
      const m = perQuestion.get(key) ?? { quizId: a.quizId, quiz: version.quizTitle, text: texts.get(r.questionId) ?? r.questionId, missed: 0, answered: 0 };
      m.answered += 1;
      if (r.outcome !== 'correct') m.missed += 1;
      perQuestion.set(key, m);
    }
  }
  const byQuiz = new Map<number, typeof perQuestion extends Map<string, infer V> ? V[] : never>();
  for (const m of perQuestion.values()) if (m.missed > 0) byQuiz.set(m.quizId, [...(byQuiz.get(m.quizId) ?? []), m]);
  return [...byQuiz.values()]
    .sort((a, b) => (a[0]?.quiz ?? '').localeCompare(b[0]?.quiz ?? ''))
    .flatMap((list) =>
      list
        .map((m) => ({ ...m, rate: m.missed / m.answered }))
        .sort((a, b) => b.rate - a.rate || b.missed - a.missed)
        .slice(0, PER_QUIZ)
        .map((m) => ({ quiz: m.quiz, question: m.text, missed: m.missed, answered: m.answered, missedPct: percent(m.missed, m.answered) })),
    );
}
