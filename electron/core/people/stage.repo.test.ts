import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMonths } from '../../../shared/calendar-date';
import { REQUEST_TYPES, type RequestType } from '../../../shared/domain/person';
import { DEFAULT_RECERT_POLICY } from '../../../shared/domain/recert-policy';
import { deriveStage, STAGES, type DocumentState, type Stage, type StageFacts, type TrainingFacts } from '../../../shared/workflow';
import { openSqlite } from '../db/sqlite.repo';
import { answersWithMistakes, call, quizOfKind, twoTrainees } from '../quizzes/test-support/training-kit';
import { basics, tempCore, type TempCore } from '../test-support/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

describe('stage SQL twin', () => {
  it('filters each person into the stage deriveStage() gives them, for every request type', async () => {
    const { agency, level } = await basics(t.core);
    for (const [i, requestType] of REQUEST_TYPES.entries()) {
      await t.core.handlers['people.create']({ firstName: 'P', lastName: `N${i}`, email: `p${i}@x.example.org`, agencyId: agency.id, accessLevelId: level.id, requestType });
    }
    const list = await t.core.handlers['people.list']({ sort: 'name', direction: 'asc', offset: 0, limit: 100 });
    for (const person of list.items) {
      const bySql = await t.core.handlers['people.list']({ stage: person.stage, search: person.email, sort: 'name', direction: 'asc', offset: 0, limit: 1 });
      expect(bySql.items.map((p) => p.id)).toEqual([person.id]);
      expect(person.stage).toBe(deriveStage({ requestType: person.requestType }, '2026-11-28'));
    }
  });
});

describe('stage SQL twin: training, quizzes and credentials', () => {
  it('agrees with deriveStage() at every step of the round, and when an upgrade starts a new one', async () => {
    const { ngozi, tomas, levels } = await twoTrainees(t.core);
    const newUser = await quizOfKind(t.core, 'new_user');
    const assessment = await quizOfKind(t.core, 'assessment');
    let minute = 0;
    const tick = () => t.clock.set(new Date(Date.parse('2026-11-28T15:00:00.000Z') + ++minute * 60_000).toISOString());
    const grade = async (personId: number, quiz: typeof newUser, wrong = 0) => {
      tick();
      await call(t.core, 'quizzes.grade', { personId, quizId: quiz.id, answers: answersWithMistakes(quiz, wrong) });
    };
    const expectStage = async (personId: number, stage: Stage) => {
      const person = await call(t.core, 'people.get', { id: personId });
      expect(person.stage).toBe(stage);
      const bySql = await call(t.core, 'people.list', { stage, search: person.email, limit: 5 });
      expect(bySql.items.map((p) => p.id)).toEqual([personId]);
    };

    await expectStage(ngozi.id, 'awaiting_documents');
    await grade(tomas.id, newUser); // a pass with no training email on record still counts
    await expectStage(tomas.id, 'quiz_passed');
    tick();
    await call(t.core, 'training.send', { personIds: [ngozi.id, tomas.id] });
    await expectStage(tomas.id, 'training_sent'); // the email came after the pass: a new round
    await grade(ngozi.id, newUser, 5);
    await expectStage(ngozi.id, 'training_sent');
    await grade(ngozi.id, newUser);
    await expectStage(ngozi.id, 'training_sent'); // the assessment quiz is still outstanding
    await grade(ngozi.id, assessment, 1);
    await expectStage(ngozi.id, 'quiz_passed');
    tick();
    await call(t.core, 'training.settings.save', { loginUrl: 'https://hmis.example.org/login' });
    await call(t.core, 'credentials.issue', { personId: ngozi.id, username: 'nokafor' });
    await expectStage(ngozi.id, 'active');
    tick();
    await call(t.core, 'requests.create', { personId: ngozi.id, type: 'change_access', accessLevelId: levels.find((l) => l.name === 'Agency Manager')?.id ?? 0 });
    tick();
    await call(t.core, 'training.send', { personIds: [ngozi.id] });
    await expectStage(ngozi.id, 'training_sent');
    await call(t.core, 'requests.create', { personId: tomas.id, type: 'deactivation' });
    await expectStage(tomas.id, 'deactivation_requested');
  });
});

/**
 * Every combination of facts that decides a stage, written straight to the tables (this is about
 * the rules, not about sending email or grading; migration 007's triggers store the stage as
 * they go in): for each, on more than one date, the stage deriveStage() gives from facts this
 * test works out itself must be the stage of the person's page, the one stage filter that lists
 * them (walking a sort index, and not), the one count that counts them, and where sorting by
 * stage puts them. stage-writes.test.ts does the same after writes through the services.
 */
interface Training {
  name: string;
  /** Minutes after a base instant; quizzes by letter. */
  sends?: { at: number; quizzes: ('A' | 'B')[] }[];
  attempts?: { at: number; quiz: 'A' | 'B'; passed: 0 | 1 | null }[];
  credentials?: number[];
}

const TRAININGS: Training[] = [
  { name: 'nothing' },
  { name: 'email only', sends: [{ at: 10, quizzes: ['A'] }] },
  { name: 'email asking nothing', sends: [{ at: 10, quizzes: [] }] },
  { name: 'failed after email', sends: [{ at: 10, quizzes: ['A'] }], attempts: [{ at: 20, quiz: 'A', passed: 0 }] },
  { name: 'unmarked after email', sends: [{ at: 10, quizzes: ['A'] }], attempts: [{ at: 20, quiz: 'A', passed: null }] },
  { name: 'passed after email', sends: [{ at: 10, quizzes: ['A'] }], attempts: [{ at: 20, quiz: 'A', passed: 1 }] },
  { name: 'passed at the email instant', sends: [{ at: 10, quizzes: ['A'] }], attempts: [{ at: 10, quiz: 'A', passed: 1 }] },
  { name: 'one of two passed', sends: [{ at: 10, quizzes: ['A', 'B'] }], attempts: [{ at: 20, quiz: 'A', passed: 1 }, { at: 21, quiz: 'B', passed: 0 }] },
  { name: 'both passed', sends: [{ at: 10, quizzes: ['A', 'B'] }], attempts: [{ at: 20, quiz: 'A', passed: 1 }, { at: 21, quiz: 'B', passed: 1 }] },
  { name: 'passed before email', sends: [{ at: 10, quizzes: ['A'] }], attempts: [{ at: 5, quiz: 'A', passed: 1 }] },
  { name: 'passed, no email on record', attempts: [{ at: 5, quiz: 'A', passed: 1 }] },
  { name: 'failed, no email on record', attempts: [{ at: 5, quiz: 'A', passed: 0 }] },
  { name: 'credentials, no email on record', credentials: [5] },
  { name: 'credentials after email', sends: [{ at: 10, quizzes: ['A'] }], attempts: [{ at: 20, quiz: 'A', passed: 1 }], credentials: [30] },
  { name: 'credentials at the email instant', sends: [{ at: 10, quizzes: ['A'] }], credentials: [10] },
  { name: 'credentials, then an upgrade email', sends: [{ at: 10, quizzes: ['A'] }, { at: 40, quizzes: ['B'] }], attempts: [{ at: 20, quiz: 'A', passed: 1 }], credentials: [30] },
  {
    name: 'upgrade quiz passed',
    sends: [{ at: 10, quizzes: ['A'] }, { at: 40, quizzes: ['B'] }],
    attempts: [{ at: 20, quiz: 'A', passed: 1 }, { at: 50, quiz: 'B', passed: 1 }],
    credentials: [30],
  },
  {
    name: 'upgrade asks again what was passed before it',
    sends: [{ at: 10, quizzes: ['A'] }, { at: 40, quizzes: ['A', 'B'] }],
    attempts: [{ at: 20, quiz: 'A', passed: 1 }, { at: 50, quiz: 'B', passed: 1 }],
    credentials: [30],
  },
  { name: 'two emails at one instant', sends: [{ at: 10, quizzes: ['A'] }, { at: 10, quizzes: ['B'] }], attempts: [{ at: 20, quiz: 'B', passed: 1 }] },
];

const DOCUMENTS: { name: string; sv: DocumentState; eua: DocumentState }[] = [
  { name: 'no forms', sv: 'missing', eua: 'missing' },
  { name: 'one accepted', sv: 'accepted', eua: 'missing' },
  { name: 'both accepted', sv: 'accepted', eua: 'accepted' },
  { name: 'one in review', sv: 'in_review', eua: 'accepted' },
  { name: 'one rejected', sv: 'rejected', eua: 'accepted' },
  { name: 'rejected and in review', sv: 'rejected', eua: 'in_review' },
];

/**
 * Certification dates, so that on 1 March 2028 credentials holders are spread over every
 * recertification status: due in 100, 45 and 10 days, 10 days overdue, lapsed (60 days past).
 */
const CERTIFIED_ON = ['2027-06-09', '2027-04-15', '2027-03-11', '2027-02-20', '2027-01-01'];
/** Deactivations by case: none, an open one, or one reactivated at minute 35 (before an upgrade email at 40). */
const DEACTIVATIONS: ({ reactivatedAt: number | null } | null)[] = [null, { reactivatedAt: null }, { reactivatedAt: 35 }, null, null, null, null];

const BASE = Date.parse('2026-11-01T09:00:00.000Z');
const instant = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();

/** The facts deriveStage() reads, worked out here independently of the SQL that reads them. */
function expectedFacts(t: Training): TrainingFacts | undefined {
  if (!t.sends && !t.attempts && !t.credentials) return undefined;
  const max = (xs: number[]) => (xs.length ? instant(Math.max(...xs)) : null);
  const passes = (t.attempts ?? []).filter((a) => a.passed === 1);
  // The latest email: by time, then the one recorded last.
  const latest = (t.sends ?? []).reduce<{ at: number; quizzes: string[] } | null>((x, y) => (!x || y.at >= x.at ? y : x), null);
  const outstanding = latest ? latest.quizzes.filter((q) => !passes.some((a) => a.quiz === q && a.at >= latest.at)).length : 0;
  return { sentAt: max((t.sends ?? []).map((s) => s.at)), quizzesOutstanding: outstanding, passedAt: max(passes.map((a) => a.at)), credentialsIssuedAt: max(t.credentials ?? []) };
}

describe('stage SQL twin: a voided attempt', () => {
  it('counts for nothing: voiding the passing attempt moves the person back to training sent, in every stage read', async () => {
    const { ngozi } = await twoTrainees(t.core);
    const newUser = await quizOfKind(t.core, 'new_user');
    const assessment = await quizOfKind(t.core, 'assessment');
    await call(t.core, 'training.send', { personIds: [ngozi.id] });
    await call(t.core, 'quizzes.grade', { personId: ngozi.id, quizId: newUser.id, answers: answersWithMistakes(newUser, 0) });
    const pass = await call(t.core, 'quizzes.grade', { personId: ngozi.id, quizId: assessment.id, answers: answersWithMistakes(assessment, 0) });
    const listed = async (stage: Stage) => (await call(t.core, 'people.list', { stage, search: ngozi.email, limit: 5 })).items.map((p) => p.id);
    expect((await call(t.core, 'people.get', { id: ngozi.id })).stage).toBe('quiz_passed');
    await call(t.core, 'quizzes.voidAttempt', { id: pass.id, reason: 'Entered for the wrong person' });
    expect((await call(t.core, 'people.get', { id: ngozi.id })).stage).toBe('training_sent');
    expect(await listed('training_sent')).toEqual([ngozi.id]);
    expect(await listed('quiz_passed')).toEqual([]);
  });
});

describe('stage SQL twin: every stage filter, count and sort against deriveStage()', () => {
  it('puts every combination of request, documents, training, attempts and credentials where deriveStage() does', async () => {
    const { agency, level } = await basics(t.core);
    const quizA = await quizOfKind(t.core, 'new_user');
    const quizB = await quizOfKind(t.core, 'assessment');
    const quizzes = { A: quizA, B: quizB };
    const cases: { id: number; label: string; facts: StageFacts; training: Training; documents: (typeof DOCUMENTS)[number]; certifiedOn: string; deactivation: (typeof DEACTIVATIONS)[number] }[] = [];
    let n = 0;
    for (const requestType of ['new_user', 'change_access', 'deactivation'] as RequestType[]) {
      for (const documents of DOCUMENTS) {
        for (const training of TRAININGS) {
          n += 1;
          // Deactivation wins whatever else is true: a sample of it is enough.
          if (requestType === 'deactivation' && n % 5 !== 0) continue;
          const person = await t.core.handlers['people.create']({ firstName: 'P', lastName: `N${String(n).padStart(3, '0')}`, email: `p${n}@x.example.org`, agencyId: agency.id, accessLevelId: level.id, requestType });
          const certifiedOn = CERTIFIED_ON[n % CERTIFIED_ON.length] as string;
          const deactivation = DEACTIVATIONS[n % DEACTIVATIONS.length] ?? null;
          const facts: StageFacts = {
            requestType,
            documents: { staffVerification: documents.sv, endUserAgreement: documents.eua },
            training: expectedFacts(training),
            recertification: training.credentials ? { dueOn: addMonths(certifiedOn, 12), policy: DEFAULT_RECERT_POLICY } : undefined,
            deactivation: deactivation ? { open: deactivation.reactivatedAt === null, reactivatedAt: deactivation.reactivatedAt === null ? null : instant(deactivation.reactivatedAt) } : undefined,
          };
          cases.push({ id: person.id, label: `${requestType} / ${documents.name} / ${training.name} / certified ${certifiedOn} / deactivation ${JSON.stringify(deactivation)}`, facts, training, documents, certifiedOn, deactivation });
        }
      }
    }

    const side = openSqlite(path.join(t.dataDir, 'hmis.sqlite'));
    try {
      const doc = side.prepare(`INSERT INTO documents (person_id, kind, status, file_name, file_sha256, file_size, page_count, findings, form_values, uploaded_at, uploaded_by, reviewed_at, reviewed_by)
        VALUES (?, ?, ?, 'f.pdf', ?, 10, 1, '[]', '{}', ?, 'x', ?, ?)`);
      const send = side.prepare(`INSERT INTO training_sends (person_id, access_level_id, material_titles, sent_at) VALUES (?, ?, '[]', ?)`);
      const asks = side.prepare(`INSERT INTO training_send_quizzes (send_id, quiz_id) VALUES (?, ?)`);
      const attempt = side.prepare(`INSERT INTO quiz_attempts (person_id, quiz_id, quiz_version_id, taken_on, source, answers, score, max_score, percent, passed, graded_at, updated_at)
        VALUES (?, ?, ?, '2026-11-01', 'hand', '{}', 5, 10, 50, ?, ?, ?)`);
      const credential = side.prepare(`INSERT INTO credentials (person_id, username, certified_on, new_password, issued_at) VALUES (?, ?, ?, 1, ?)`);
      const deactivated = side.prepare(`INSERT INTO deactivations (person_id, reason, deactivated_on, confirmed_at, confirmed_by, reactivated_at) VALUES (?, 'lapsed', '2026-11-01', ?, 'x', ?)`);
      let sha = 0;
      for (const c of cases) {
        for (const [kind, state] of [['staff_verification', c.documents.sv], ['end_user_agreement', c.documents.eua]] as const) {
          if (state === 'missing') continue;
          const reviewed = state === 'in_review' ? null : instant(0);
          // A replaced (older, rejected) form beside each current one: history must not count.
          doc.run(c.id, kind, 'replaced', String((sha += 1)).padStart(64, '0'), instant(0), instant(0), 'x');
          doc.run(c.id, kind, state, String((sha += 1)).padStart(64, '0'), instant(0), reviewed, reviewed && 'x');
        }
        for (const s of c.training.sends ?? []) {
          const sendId = Number(send.run(c.id, level.id, instant(s.at)).lastInsertRowid);
          for (const q of s.quizzes) asks.run(sendId, quizzes[q].id);
        }
        for (const a of c.training.attempts ?? []) attempt.run(c.id, quizzes[a.quiz].id, quizzes[a.quiz].versionId, a.passed, instant(a.at), instant(a.at));
        for (const at of c.training.credentials ?? []) credential.run(c.id, `u${c.id}`, c.certifiedOn, instant(at));
        if (c.deactivation) deactivated.run(c.id, instant(1), c.deactivation.reactivatedAt === null ? null : instant(c.deactivation.reactivatedAt));
      }
    } finally {
      side.close();
    }

    // The same facts on several dates: the SQL reads today from the clock, as deriveStage() does;
    // on the last every stage has someone.
    for (const day of ['2026-11-28', '2027-06-01', '2028-01-15', '2028-03-01']) {
      t.clock.set(`${day}T15:00:00.000Z`);
      await expectAgreement(cases.map((c) => ({ ...c, label: `${c.label} on ${day}`, expected: deriveStage(c.facts, t.clock.today()) })), agency.id, day === '2028-03-01');
    }
  });
});

/** Every stage's page (walking each sort index, and not), count and the sort by stage, against `expected`. */
async function expectAgreement(cases: { id: number; label: string; expected: Stage }[], agencyId: number, everyStage = true): Promise<void> {
  // The person's own page: the facts as the repo reads them, through deriveStage().
  for (const c of cases) expect((await t.core.handlers['people.get']({ id: c.id })).stage, c.label).toBe(c.expected);
  const ids = (stage: Stage) => cases.filter((c) => c.expected === stage).map((c) => c.id).sort((a, b) => a - b);
  if (everyStage) expect(new Set(cases.map((c) => c.expected)), 'the combinations reach every stage').toEqual(new Set(STAGES));
  for (const stage of STAGES) {
    // By name or date the page walks a stage index; by agency it sorts the stage's range.
    for (const sort of ['name', 'registeredOn', 'agency'] as const) {
      const page = await t.core.handlers['people.list']({ stage, sort, direction: 'asc', offset: 0, limit: 500 });
      expect(page.items.map((p) => p.id).sort((a, b) => a - b), `${stage} by ${sort}`).toEqual(ids(stage));
      expect(page.total, `${stage} count`).toBe(ids(stage).length);
      expect(new Set(page.items.map((p) => p.stage))).toEqual(new Set(ids(stage).length ? [stage] : []));
    }
    const small = await t.core.handlers['people.list']({ stage, agencyId, sort: 'name', direction: 'desc', offset: 1, limit: 2 });
    expect(small.total, `${stage} count with the agency filter`).toBe(ids(stage).length);
  }
  // Sorting by stage sorts by the stored stage: it must be each person's stage, in name order.
  const byStage = await t.core.handlers['people.list']({ sort: 'stage', direction: 'asc', offset: 0, limit: 500 });
  const expectedOrder = [...cases].sort((a, b) => a.expected.localeCompare(b.expected) || a.id - b.id);
  expect(byStage.items.map((p) => `${p.stage} ${p.id}`)).toEqual(expectedOrder.map((c) => `${c.expected} ${c.id}`));
}
