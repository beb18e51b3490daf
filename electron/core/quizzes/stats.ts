import type { QuizStats } from '../../../shared/domain/quiz-attempt';
import type { Quiz, QuizVersion } from '../../../shared/domain/quiz';
import { grade, type Answers, type Marks } from '../../../shared/grading';

interface StatsAttempt {
  personId: number;
  versionId: number;
  answers: Answers;
  marks: Marks;
  passed: boolean | null;
}

const MOST_MISSED = 5;

/**
 * What the office learns from a quiz: how many pass on the first try, how many tries passing
 * takes, and which questions are missed most (by question id, across versions, graded again
 * against each attempt's own version). `attempts` are in the order they were taken.
 */
export function quizStatistics(quiz: Quiz, versions: ReadonlyMap<number, QuizVersion>, attempts: readonly StatsAttempt[]): QuizStats {
  const byPerson = new Map<number, StatsAttempt[]>();
  for (const a of attempts) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a]);
  const people = [...byPerson.values()];
  const firstPassed = people.filter((list) => list[0]?.passed === true).length;
  const tries = people.map((list) => list.findIndex((a) => a.passed === true) + 1).filter((n) => n > 0);
  const histogram = new Map<number, number>();
  for (const n of tries) histogram.set(n, (histogram.get(n) ?? 0) + 1);

  const missed = new Map<string, { missed: number; answered: number }>();
  const texts = new Map<string, string>(quiz.questions.map((q) => [q.id, q.text]));
  for (const a of attempts) {
    const version = versions.get(a.versionId);
    if (!version) continue;
    for (const q of version.questions) if (!texts.has(q.id)) texts.set(q.id, q.text);
    for (const r of grade(version, a.answers, a.marks).results) {
      if (r.outcome === 'unmarked') continue;
      const m = missed.get(r.questionId) ?? { missed: 0, answered: 0 };
      m.answered += 1;
      if (r.outcome !== 'correct') m.missed += 1;
      missed.set(r.questionId, m);
    }
  }
  const mostMissed = [...missed]
    .filter(([, m]) => m.missed > 0)
    .map(([questionId, m]) => ({ questionId, text: texts.get(questionId) ?? questionId, missed: m.missed, answered: m.answered, missRate: Math.round((m.missed / m.answered) * 1000) / 10 }))
    .sort((a, b) => b.missRate - a.missRate || b.missed - a.missed)
    .slice(0, MOST_MISSED);

  return {
    quizId: quiz.id,
    title: quiz.title,
    people: people.length,
    attempts: attempts.length,
    firstAttemptPassRate: people.length ? Math.round((firstPassed / people.length) * 1000) / 10 : null,
    meanAttemptsToPass: tries.length ? Math.round((tries.reduce((s, n) => s + n, 0) / tries.length) * 100) / 100 : null,
    attemptsToPass: [...histogram].sort((a, b) => a[0] - b[0]).map(([n, count]) => ({ attempts: n, people: count })),
    mostMissed,
  };
}
