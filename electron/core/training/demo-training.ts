import type { Quiz } from '../../../shared/domain/quiz';
import { grade } from '../../../shared/grading';
import type { AuditWrite } from '../audit/audit.repo';
import { insertAuditBatch } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import { insertCredential } from '../credentials/credentials.repo';
import type { Db } from '../db/open-database';
import { trainingCandidates } from '../demo/sample-people.repo';
import { DOCUMENT_STORY_PEOPLE } from '../documents/samples/demo-documents';
import { insertAttempts, type NewAttempt } from '../quizzes/attempts.repo';
import { listQuizzes } from '../quizzes/quizzes.repo';
import { completeRequests } from '../recert/deactivations.repo';
import { listLevelTraining, listMaterials } from './catalog.repo';
import { planTraining } from './training-plan';
import { insertSends } from './training.repo';

/**
 * Sample training for `demo seed`: some people awaiting their quiz, some who failed and must
 * retake, first-try passes waiting for credentials, passes after a retake, and people with
 * credentials issued, so every training queue and statistic has something to show. As in a real
 * office, training went to people whose two forms were accepted first: `demo seed` attaches and
 * accepts those forms, dated before the send, once this transaction has committed.
 */
type Story = 'awaiting_quiz' | 'failed' | 'passed' | 'retake_then_active' | 'active';
const STORIES: readonly Story[] = ['awaiting_quiz', 'passed', 'active', 'failed', 'retake_then_active', 'active', 'passed', 'awaiting_quiz'];
const SAMPLE = 48;
/** The first new users keep the document stories (in review, rejected, missing): no training for them. */
const SKIP = DOCUMENT_STORY_PEOPLE;
/** Registered at least this long ago: before their forms came in and their training was sent. */
const REGISTERED_DAYS_AGO = 30;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function sheet(quiz: Quiz, wrong: number) {
  return Object.fromEntries(quiz.questions.map((q, i) => [q.id, { choices: i < wrong ? [q.correct[0] === 0 ? 1 : 0] : [...q.correct] }]));
}

function attempt(personId: number, quiz: Quiz, wrong: number, takenOn: string): NewAttempt {
  const answers = sheet(quiz, wrong);
  return { personId, quizId: quiz.id, quizVersionId: quiz.versionId, takenOn, source: 'google_forms', answers, marks: {}, grade: grade(quiz, answers), responseKey: null };
}

const at = (base: number, hours: number) => new Date(base + hours * HOUR);

export async function addTrainingSamples(trx: Db, ctx: CoreContext): Promise<number> {
  const registeredBy = new Date(Date.parse(`${ctx.clock.today()}T00:00:00Z`) - REGISTERED_DAYS_AGO * DAY).toISOString().slice(0, 10);
  const people = await trainingCandidates(trx, { skip: SKIP, limit: SAMPLE, registeredBy });
  const [levels, materials, quizzes] = await Promise.all([listLevelTraining(trx), listMaterials(trx), listQuizzes(trx)]);
  const catalog = { levels: new Map(levels.map((l) => [l.id, l])), materials, quizzes: new Map(quizzes.map((q) => [q.id, q])) };
  const now = ctx.clock.now().getTime();
  const audits: AuditWrite[] = [];
  let count = 0;
  for (const [i, p] of people.entries()) {
    const plan = planTraining({ id: p.id, name: `${p.firstName} ${p.lastName}`, email: p.email, accessLevelId: p.accessLevelId }, null, catalog);
    if (plan.problem) continue;
    const story = STORIES[i % STORIES.length] as Story;
    const sentAt = at(now, -24 * (20 - (i % 15)) - i);
    await insertSends(trx, [{ personId: p.id, accessLevelId: p.accessLevelId, previousLevelId: null, materialTitles: plan.materials.map((m) => m.title), quizIds: plan.quizzes.map((q) => q.id), mailId: null }], sentAt.toISOString());
    audits.push({ at: sentAt.toISOString(), operator: ctx.operator, action: 'training.sent', entity: 'person', entityId: p.id, after: { materials: plan.materials.map((m) => m.title), quizzes: plan.quizzes.map((q) => q.id), mailId: null }, note: 'Sample data' });
    if (story !== 'awaiting_quiz') await addAttempts(trx, ctx, p.id, { first: p.firstName, last: p.lastName }, plan.quizzes.map((q) => catalog.quizzes.get(q.id) as Quiz), story, sentAt.getTime(), audits);
    count += 1;
  }
  await insertAuditBatch(trx, audits);
  return count;
}

async function addAttempts(trx: Db, ctx: CoreContext, personId: number, personName: { first: string; last: string }, quizzes: Quiz[], story: Story, sent: number, audits: AuditWrite[]): Promise<void> {
  let hours = 26;
  let pass: { id: number; on: string } | null = null;
  for (const [k, quiz] of quizzes.entries()) {
    const tries = story === 'failed' && k === 0 ? [4] : story === 'retake_then_active' && k === 0 ? [3, 1] : [k === 0 ? 0 : 1];
    for (const wrong of tries) {
      const when = at(sent, (hours += 20));
      const on = when.toISOString().slice(0, 10);
      const [id] = await insertAttempts(trx, [attempt(personId, quiz, wrong, on)], when.toISOString());
      if (wrong <= 2 && id !== undefined) pass = { id, on };
      audits.push({ at: when.toISOString(), operator: ctx.operator, action: 'quiz.graded', entity: 'person', entityId: personId, after: { attemptId: id, quiz: quiz.title, version: quiz.version, percent: grade(quiz, sheet(quiz, wrong)).percent, passed: wrong <= 2, source: 'google_forms' }, note: 'Sample data' });
      if (story === 'failed') return;
    }
  }
  if ((story !== 'active' && story !== 'retake_then_active') || !pass) return;
  const issued = at(sent, hours + 4);
  const username = `${personName.first.slice(0, 1)}${personName.last}`.normalize('NFD').replace(/[^a-zA-Z0-9]/g, '').toLowerCase() + personId;
  await insertCredential(trx, { personId, username, certifiedOn: pass.on, attemptId: pass.id, newPassword: true, note: 'Sample data' }, issued.toISOString());
  // Issuing credentials answers the registration, as credentials-service does.
  const closedRequests = await completeRequests(trx, personId, ['new_user', 'change_access'], issued.toISOString());
  audits.push({ at: issued.toISOString(), operator: ctx.operator, action: 'credentials.issued', entity: 'person', entityId: personId, after: { username, certifiedOn: pass.on, attemptId: pass.id, newPassword: true, mailId: null, closedRequests }, note: 'Sample data' });
}
