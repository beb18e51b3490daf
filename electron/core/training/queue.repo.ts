import { sql } from 'kysely';
import type { QueueRow } from '../../../shared/domain/quiz-training';
import type { Db } from '../db/open-database';
import { trainingDb } from './training-schema';

type Facts = Omit<QueueRow, 'person'>;

/**
 * The quizzes each person's last training email asked for that no attempt since has passed: what
 * keeps them in Quizzes to grade (the stage rule, migrations 007 and 009, in the same terms).
 */
async function quizzesNotPassed(db: Db, ids: number[]) {
  return trainingDb(db)
    .selectFrom('training_sends as s')
    .innerJoin('training_send_quizzes as sq', 'sq.send_id', 's.id')
    .innerJoin('quizzes as q', 'q.id', 'sq.quiz_id')
    .select(['s.person_id', 'q.title'])
    .where('s.person_id', 'in', ids)
    .where(sql<boolean>`s.id = (SELECT s2.id FROM training_sends s2 WHERE s2.person_id = s.person_id ORDER BY s2.sent_at DESC, s2.id DESC LIMIT 1)`)
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM quiz_attempts a WHERE a.person_id = s.person_id AND a.quiz_id = sq.quiz_id AND a.passed = 1 AND a.voided_at IS NULL AND a.graded_at >= s.sent_at)`)
    .orderBy('s.person_id')
    .orderBy('q.title')
    .execute();
}

/** For a page of queue people: their last training email, attempts, last attempt and passing attempt (voided ones count for nothing). */
export async function queueFacts(db: Db, personIds: readonly number[]): Promise<Map<number, Facts>> {
  const facts = new Map<number, Facts>();
  if (personIds.length === 0) return facts;
  const t = trainingDb(db);
  const ids = [...personIds];
  const [sends, counts, attempts, missing] = await Promise.all([
    t.selectFrom('training_sends').select(['person_id', (eb) => eb.fn.max('sent_at').as('sent_at')]).where('person_id', 'in', ids).groupBy('person_id').execute(),
    t.selectFrom('quiz_attempts').select(['person_id', (eb) => eb.fn.countAll<number>().as('n')]).where('person_id', 'in', ids).where('voided_at', 'is', null).groupBy('person_id').execute(),
    t
      .selectFrom('quiz_attempts as a')
      .innerJoin('quizzes as q', 'q.id', 'a.quiz_id')
      .select(['a.id', 'a.person_id', 'q.title', 'a.percent', 'a.passed', 'a.taken_on', 'a.results_sent_at'])
      .where('a.person_id', 'in', ids)
      .where(
        sql<boolean>`a.id IN (SELECT max(b.id) FROM quiz_attempts b WHERE b.person_id = a.person_id AND b.voided_at IS NULL UNION SELECT max(c.id) FROM quiz_attempts c WHERE c.person_id = a.person_id AND c.passed = 1 AND c.voided_at IS NULL)`,
      )
      .execute(),
    quizzesNotPassed(db, ids),
  ]);
  for (const id of ids) facts.set(id, { trainingSentAt: null, attempts: 0, lastAttempt: null, passingAttempt: null, quizzesNotPassed: [] });
  for (const s of sends) (facts.get(s.person_id) as Facts).trainingSentAt = s.sent_at as string;
  for (const c of counts) (facts.get(c.person_id) as Facts).attempts = Number(c.n);
  for (const m of missing) (facts.get(m.person_id) as Facts).quizzesNotPassed.push(m.title);
  const byPerson = new Map<number, typeof attempts>();
  for (const a of attempts) byPerson.set(a.person_id, [...(byPerson.get(a.person_id) ?? []), a]);
  for (const [personId, list] of byPerson) {
    const f = facts.get(personId) as Facts;
    const last = list.reduce((x, y) => (y.id > x.id ? y : x));
    const pass = list.filter((a) => a.passed === 1).reduce<(typeof list)[number] | null>((x, y) => (!x || y.id > x.id ? y : x), null);
    f.lastAttempt = { id: last.id, quizTitle: last.title, percent: last.percent, passed: last.passed === null ? null : last.passed === 1, takenOn: last.taken_on, resultsSent: last.results_sent_at !== null };
    f.passingAttempt = pass && { id: pass.id, quizTitle: pass.title, percent: pass.percent, takenOn: pass.taken_on };
  }
  return facts;
}
