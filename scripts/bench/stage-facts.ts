import type { Quiz } from '../../shared/domain/quiz';
import type { FormValues } from '../../shared/domain/document';
import { grade } from '../../shared/grading';
import { insertCredential } from '../../electron/core/credentials/credentials.repo';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import { insertDocument, writeReview } from '../../electron/core/documents/documents.repo';
import { documentDb } from '../../electron/core/documents/documents-schema';
import { insertAttempts, type NewAttempt } from '../../electron/core/quizzes/attempts.repo';
import { listQuizzes } from '../../electron/core/quizzes/quizzes.repo';
import { listLevelTraining } from '../../electron/core/training/catalog.repo';
import { requiredQuizIds } from '../../electron/core/training/training-plan';
import { insertSends, type NewSend } from '../../electron/core/training/training.repo';
import { trainingDb } from '../../electron/core/training/training-schema';

/**
 * `demo seed` gives training facts to a few dozen people only, so a stage filter over it would
 * measure empty tables. This gives ~30% of the people the facts a county office has, through the
 * same repos the app writes with: 18% active (both forms accepted, training sent, quizzes passed,
 * credentials issued), 2% quiz passed, 3% training sent (a third with a failed attempt), 2% both
 * forms accepted, 3% a form in review, 2% a form rejected. About 55k documents, 23k training
 * emails, 30k attempts and 18k credentials at 100k people.
 */
export type Story = 'active' | 'quiz_passed' | 'training_sent' | 'accepted' | 'in_review' | 'rejected';
const SHARES: readonly [Story, number][] = [['active', 0.18], ['quiz_passed', 0.02], ['training_sent', 0.03], ['accepted', 0.02], ['in_review', 0.03], ['rejected', 0.02]];

function storyOf(n: number): Story | null {
  // A fixed scramble of the id, so stories spread across names, agencies and registration dates.
  let r = ((n * 2654435761) >>> 0) / 2 ** 32;
  for (const [story, share] of SHARES) {
    if (r < share) return story;
    r -= share;
  }
  return null;
}

export async function addStageFacts(file: string, now: string): Promise<Record<Story, number>> {
  const database = openDatabase(file, now);
  const db: Db = database.db;
  const counts: Record<Story, number> = { active: 0, quiz_passed: 0, training_sent: 0, accepted: 0, in_review: 0, rejected: 0 };
  try {
    const levels = new Map((await listLevelTraining(db)).map((l) => [l.id, requiredQuizIds(l)]));
    const quizzes = new Map((await listQuizzes(db)).map((q) => [q.id, q]));
    // The people `demo seed` already gave documents or training keep their own story.
    const storied = new Set([
      ...(await documentDb(db).selectFrom('documents').select('person_id').execute()),
      ...(await trainingDb(db).selectFrom('training_sends').select('person_id').execute()),
      ...(await trainingDb(db).selectFrom('quiz_attempts').select('person_id').execute()),
    ].map((r) => r.person_id));
    const people = (await db.selectFrom('people').select(['id', 'access_level_id']).orderBy('id').execute()).filter((p) => !storied.has(p.id));
    const base = Date.parse(now);
    const iso = (daysAgo: number) => new Date(base - daysAgo * 86_400_000).toISOString();
    let sha = 0;
    const doc = async (trx: Db, personId: number, kind: 'staff_verification' | 'end_user_agreement', at: string, status: 'in_review' | 'accepted' | 'rejected') => {
      sha += 1;
      const id = await insertDocument(trx, { personId, kind, fileName: `${kind}.pdf`, sha256: sha.toString(16).padStart(64, '0'), size: 48_000, pageCount: 1, findings: [], values: NO_VALUES, replacesId: null }, at, 'bench');
      if (status !== 'in_review') await writeReview(trx, id, { status, at, operator: 'bench', reasons: status === 'rejected' ? ['missing_signature'] : [], note: null });
    };
    const sheet = (quiz: Quiz, wrong: number) => Object.fromEntries(quiz.questions.map((q, i) => [q.id, { choices: i < wrong ? [q.correct[0] === 0 ? 1 : 0] : [...q.correct] }]));
    await db.transaction().execute(async (trx) => {
      const sends: { send: NewSend; at: string }[] = [];
      const attempts: { attempt: NewAttempt; at: string }[] = [];
      const credentials: { personId: number; at: string; on: string }[] = [];
      for (const p of people) {
        const story = storyOf(p.id);
        if (!story) continue;
        counts[story] += 1;
        const days = 20 + (p.id % 300);
        if (story === 'in_review') {
          await doc(trx, p.id, 'staff_verification', iso(days), p.id % 2 ? 'accepted' : 'in_review');
          await doc(trx, p.id, 'end_user_agreement', iso(days), 'in_review');
          continue;
        }
        if (story === 'rejected') {
          await doc(trx, p.id, 'staff_verification', iso(days), 'rejected');
          if (p.id % 2) await doc(trx, p.id, 'end_user_agreement', iso(days), 'accepted');
          continue;
        }
        await doc(trx, p.id, 'staff_verification', iso(days), 'accepted');
        await doc(trx, p.id, 'end_user_agreement', iso(days), 'accepted');
        if (story === 'accepted') continue;
        const quizIds = levels.get(p.access_level_id) ?? [];
        sends.push({ send: { personId: p.id, accessLevelId: p.access_level_id, previousLevelId: null, materialTitles: ['New User Training'], quizIds, mailId: null }, at: iso(days - 2) });
        const passes = story === 'active' || story === 'quiz_passed';
        for (const quizId of passes || p.id % 3 === 0 ? quizIds : []) {
          const quiz = quizzes.get(quizId) as Quiz;
          const answers = sheet(quiz, passes ? 0 : 5);
          const taken = iso(days - 4);
          attempts.push({ attempt: { personId: p.id, quizId, quizVersionId: quiz.versionId, takenOn: taken.slice(0, 10), source: 'google_forms', answers, marks: {}, grade: grade(quiz, answers), responseKey: null }, at: taken });
        }
        if (story === 'active') credentials.push({ personId: p.id, at: iso(days - 5), on: iso(days - 4).slice(0, 10) });
      }
      // Each batch is written at its own instant, as the app does (one send, one import, one issue).
      for (const s of sends) await insertSends(trx, [s.send], s.at);
      const byInstant = new Map<string, NewAttempt[]>();
      for (const a of attempts) byInstant.set(a.at, [...(byInstant.get(a.at) ?? []), a.attempt]);
      for (const [at, list] of byInstant) await insertAttempts(trx, list, at);
      for (const c of credentials) await insertCredential(trx, { personId: c.personId, username: `u${c.personId}`, certifiedOn: c.on, attemptId: null, newPassword: true, note: null }, c.at);
    });
  } finally {
    await database.close();
  }
  return counts;
}

const NO_VALUES: FormValues = { userName: null, userEmail: null, supervisorName: null, supervisorEmail: null, agency: null, accessLevel: null };
