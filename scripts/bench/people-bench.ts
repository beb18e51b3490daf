import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Quiz } from '../../shared/domain/quiz';
import type { FormValues } from '../../shared/domain/document';
import { personListInput } from '../../shared/domain/person';
import type { ParsedInput } from '../../shared/contract';
import { grade } from '../../shared/grading';
import { STAGES, type Stage } from '../../shared/workflow';
import { fixedClock } from '../../electron/core/clock';
import { insertCredential } from '../../electron/core/credentials/credentials.repo';
import { createCore } from '../../electron/core/create-core';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import { insertDocument, writeReview } from '../../electron/core/documents/documents.repo';
import { documentDb } from '../../electron/core/documents/documents-schema';
import { listQueries } from '../../electron/core/people/people-list.repo';
import { insertAttempts, type NewAttempt } from '../../electron/core/quizzes/attempts.repo';
import { listQuizzes } from '../../electron/core/quizzes/quizzes.repo';
import { listLevelTraining } from '../../electron/core/training/catalog.repo';
import { requiredQuizIds } from '../../electron/core/training/training-plan';
import { insertSends, type NewSend } from '../../electron/core/training/training.repo';
import { trainingDb } from '../../electron/core/training/training-schema';
import { median, percentile, timeAsync, timeSync, type BenchRow } from './bench-types';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const NOW = '2026-11-28T15:00:00.000Z';
/** Typed letter by letter, as a person searching the master list would. */
const TYPED = ['maria', 'garcia', 'river city', 'nguyen', 'okafor'];

const keystrokes = TYPED.flatMap((word) => Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1)).filter((s) => s.trim() === s));

/** The queue pages list oldest registration first; the master list's stage filter sorts by name. */
const QUEUE_SORT: Partial<Record<Stage, string>> = {
  documents_accepted: 'Training to send',
  training_sent: 'Quizzes to grade',
  quiz_passed: 'Credentials to issue',
};

/** Runs the identical SQL (compiled by our repo) straight on better-sqlite3 with cached statements. */
function rawRunner(file: string) {
  const raw = new BetterSqlite3(file, { readonly: true });
  const compiler = openDatabase(file, new Date().toISOString());
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepared = (sql: string) => statements.get(sql) ?? statements.set(sql, raw.prepare(sql)).get(sql)!;
  return {
    list(input: unknown) {
      const q = listQueries(compiler.db, personListInput.parse(input));
      prepared(q.page.sql).all(...(q.page.parameters as unknown[]));
      return prepared(q.count.sql).get(...(q.count.parameters as unknown[]));
    },
    async close() {
      raw.close();
      await compiler.close();
    },
  };
}

/**
 * `demo seed` gives training facts to a few dozen people only, so a stage filter over it would
 * measure empty tables. This gives ~30% of the people the facts a county office has, through the
 * same repos the app writes with: 18% active (both forms accepted, training sent, quizzes passed,
 * credentials issued), 2% quiz passed, 3% training sent (a third with a failed attempt), 2% both
 * forms accepted, 3% a form in review, 2% a form rejected. About 55k documents, 23k training
 * emails, 30k attempts and 18k credentials at 100k people.
 */
type Story = 'active' | 'quiz_passed' | 'training_sent' | 'accepted' | 'in_review' | 'rejected';
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

export async function addStageFacts(file: string): Promise<Record<Story, number>> {
  const database = openDatabase(file, NOW);
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
    const base = Date.parse(NOW);
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
type ListInput = ParsedInput<'people.list'>;

interface Samples {
  ours: number[];
  raw: number[];
}

export async function benchPeople(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-bench-'));
  const file = path.join(dataDir, 'hmis.sqlite');
  try {
    let core = await createCore({ dataDir, clock: fixedClock(NOW), operator: 'bench' });
    const seedMs = await timeAsync(() => core.handlers['demo.seed']({ people: PEOPLE }));
    await core.close();
    let stories: Record<Story, number> | undefined;
    const factsMs = await timeAsync(async () => {
      stories = await addStageFacts(file);
    });
    core = await createCore({ dataDir, clock: fixedClock(NOW), operator: 'bench' });
    const raw = rawRunner(file);
    const first = { sort: 'name', direction: 'asc', offset: 0, limit: 100 } as const;
    const stageInput = (stage: Stage): ListInput => (QUEUE_SORT[stage] ? { stage, sort: 'registeredOn', direction: 'asc', offset: 0, limit: 100 } : { ...first, stage });

    const firstPage: Samples = { ours: [], raw: [] };
    const search: Samples = { ours: [], raw: [] };
    const byStage = new Map<Stage, Samples & { total: number }>(STAGES.map((s) => [s, { ours: [], raw: [], total: 0 }]));
    const measure = async (samples: Samples, input: ListInput) => {
      samples.ours.push(await timeAsync(() => core.handlers['people.list'](input)));
      samples.raw.push(timeSync(() => raw.list(input)));
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      await measure(firstPage, first);
      for (const s of keystrokes) await measure(search, { ...first, search: s });
      for (const [stage, samples] of byStage) await measure(samples, stageInput(stage));
    }
    for (const [stage, samples] of byStage) samples.total = (await core.handlers['people.list'](stageInput(stage))).total;
    await raw.close();
    await core.close();
    const row = (name: string, s: Samples, goal: string, note = ''): BenchRow => ({
      name,
      medianMs: median(s.ours),
      p95Ms: percentile(s.ours, 95),
      baselineMs: median(s.raw),
      ratio: median(s.ours) / median(s.raw),
      goal,
      note: `${s.ours.length} samples; raw p95 ${percentile(s.raw, 95).toFixed(1)} ms${note}`,
    });
    const n = PEOPLE.toLocaleString('en-US');
    const facts = Object.entries(stories ?? {}).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ');
    return [
      { name: `demo seed ${n} people (once)`, medianMs: seedMs, note: 'committed in chunks of ~25 ms, with audit rows' },
      { name: `  stage facts for ~30% of them (once, bench only)`, medianMs: factsMs, note: `through the repos, no audit rows: ${facts}` },
      row(`people.list first page of ${n}`, firstPage, '≤ 50 ms'),
      row(`people.list search as you type (${keystrokes.length} keystrokes)`, search, 'p95 ≤ 30 ms, ratio ≤ 2'),
      ...[...byStage].map(([stage, s]) =>
        row(`people.list stage=${stage} first page + count${QUEUE_SORT[stage] ? ` ("${QUEUE_SORT[stage]}" queue, oldest first)` : ' (by name)'}`, s, '≤ 50 ms', `; ${s.total.toLocaleString('en-US')} people`),
      ),
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
