import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain/person';
import { STAGES, type Stage } from '../../../shared/workflow';
import { openSqlite } from '../db/sqlite.repo';
import { form } from '../documents/test-support/document-fixtures';
import { definitionOf } from '../quizzes/quiz-bank-service';
import { answersWithMistakes, call, googleCsvBytes, quizOfKind, twoTrainees } from '../quizzes/test-support/training-kit';
import { tempCore, type TempCore } from '../test-support/temp-core';

/**
 * The stored stage (migration 007's triggers) after every kind of fact write, made through the
 * real services as the office makes them: for everyone on the list, it must be the stage
 * deriveStage() gives from their facts (people.get), and the stage filter must list them.
 */
let t: TempCore;
let minute = 0;
beforeAll(async () => {
  t = await tempCore({ documents: { pool: { size: 2 } } });
});
afterAll(() => t.dispose());

const tick = () => t.clock.set(new Date(Date.parse('2026-11-28T15:00:00.000Z') + ++minute * 60_000).toISOString());

function storedStages(): Map<number, { stage: string; forms: number }> {
  const side = openSqlite(path.join(t.dataDir, 'hmis.sqlite'));
  try {
    const rows = side.prepare(`SELECT id, stage, current_forms AS forms FROM people`).all() as { id: number; stage: string; forms: number }[];
    return new Map(rows.map((r) => [r.id, { stage: r.stage, forms: r.forms }]));
  } finally {
    side.close();
  }
}

/** Everyone's stored stage and forms count against their facts; returns the stages by person. */
async function expectAgreement(step: string): Promise<Map<number, Stage>> {
  const stored = storedStages();
  const people = await call(t.core, 'people.list', { limit: 500 });
  const stages = new Map<number, Stage>();
  for (const person of people.items) {
    const documents = await call(t.core, 'documents.list', { personId: person.id });
    // The stored stage is the facts' part: the recertification stages are `active` split by date.
    const storedPart = ['recert_due_soon', 'recert_due', 'recert_overdue', 'lapsed'].includes(person.stage) ? 'active' : person.stage;
    expect(stored.get(person.id), `${step}: ${person.lastName}`).toEqual({ stage: storedPart, forms: documents.filter((d) => d.status !== 'replaced').length });
    stages.set(person.id, person.stage);
  }
  expect(stored.size, step).toBe(people.total);
  for (const stage of STAGES) {
    const listed = await call(t.core, 'people.list', { stage, limit: 500 });
    expect(listed.items.map((p) => p.id).sort((a, b) => a - b), `${step}: ${stage}`).toEqual([...stages].filter(([, s]) => s === stage).map(([id]) => id).sort((a, b) => a - b));
  }
  return stages;
}

async function stageAfter(step: string, person: Person, write: () => Promise<unknown>): Promise<Stage | undefined> {
  tick();
  await write();
  return (await expectAgreement(step)).get(person.id);
}

const attach = async (person: Person, kind: 'staff_verification' | 'end_user_agreement', options = {}) =>
  (await call(t.core, 'documents.attach', { personId: person.id, fileName: `${kind}.pdf`, bytes: await form(person, { kind, ...options }) })).document!;

describe('the stored stage after every kind of write through the services', () => {
  it('matches deriveStage() for everyone after each write of a round, an upgrade, a deactivation and a merge', async () => {
    const { ngozi, tomas, agency, level, levels } = await twoTrainees(t.core);
    const newUser = await quizOfKind(t.core, 'new_user');
    const assessment = await quizOfKind(t.core, 'assessment');
    const ana = await call(t.core, 'people.create', { firstName: 'Ana', lastName: 'Lopez', email: 'ana.lopez@delta.example.org', agencyId: agency.id, accessLevelId: level.id, requestType: 'deactivation' });
    expect(await expectAgreement('registered')).toEqual(new Map([[ngozi.id, 'awaiting_documents'], [tomas.id, 'awaiting_documents'], [ana.id, 'deactivation_requested']]));

    expect(await stageAfter('request type edited', ana, () => call(t.core, 'people.update', { id: ana.id, changes: { requestType: 'additional_agency' } }))).toBe('awaiting_documents');
    const sv = await attach(ngozi, 'staff_verification', { signed: false });
    expect((await expectAgreement('a form attached')).get(ngozi.id)).toBe('documents_in_review');
    expect(await stageAfter('rejected', ngozi, () => call(t.core, 'documents.review', { id: sv.id, decision: 'reject', reasons: ['missing_signature'] }))).toBe('documents_rejected');
    expect(await stageAfter('corrected copy attached', ngozi, () => attach(ngozi, 'staff_verification'))).toBe('documents_in_review');
    const eua = await attach(ngozi, 'end_user_agreement');
    for (const doc of (await call(t.core, 'documents.list', { personId: ngozi.id })).filter((d) => d.status === 'in_review' && d.id !== eua.id)) {
      expect(await stageAfter('accepted', ngozi, () => call(t.core, 'documents.review', { id: doc.id, decision: 'accept' }))).toBe('documents_in_review');
    }
    expect(await stageAfter('both accepted', ngozi, () => call(t.core, 'documents.review', { id: eua.id, decision: 'accept' }))).toBe('documents_accepted');

    expect(await stageAfter('training sent', ngozi, () => call(t.core, 'training.send', { personIds: [ngozi.id, tomas.id] }))).toBe('training_sent');
    expect(await stageAfter('failed', ngozi, () => call(t.core, 'quizzes.grade', { personId: ngozi.id, quizId: newUser.id, answers: answersWithMistakes(newUser, 5) }))).toBe('training_sent');
    expect(await stageAfter('imported responses', ngozi, () => call(t.core, 'quizzes.importResponses', { fileName: 'google-forms-new-user.csv', bytes: googleCsvBytes() }))).toBe('training_sent');
    expect(await stageAfter('assessment graded', ngozi, () => call(t.core, 'quizzes.grade', { personId: ngozi.id, quizId: assessment.id, answers: answersWithMistakes(assessment, 0) }))).toBe('quiz_passed');
    await call(t.core, 'training.settings.save', { loginUrl: 'https://hmis.example.org/login' });
    expect(await stageAfter('credentials issued', ngozi, () => call(t.core, 'credentials.issue', { personId: ngozi.id, username: 'nokafor' }))).toBe('active');

    // A short answer waits for a hand mark: the attempt's `passed` changes after it was written.
    const withShort = { ...definitionOf(assessment), questions: [...definitionOf(assessment).questions, { id: 'short', type: 'short' as const, text: 'Name one way to protect printed data.', options: [], correct: [], points: 1, modelAnswer: 'Shred it.' }] };
    const shortQuiz = await call(t.core, 'quizzes.save', { id: assessment.id, definition: withShort });
    expect(await stageAfter('passed one of two', tomas, () => call(t.core, 'quizzes.grade', { personId: tomas.id, quizId: newUser.id, answers: answersWithMistakes(newUser, 0) }))).toBe('training_sent');
    tick();
    const unmarked = await call(t.core, 'quizzes.grade', { personId: tomas.id, quizId: assessment.id, answers: { ...answersWithMistakes(shortQuiz, 0), short: { choices: [], text: 'Shred it.' } } });
    expect(unmarked.passed).toBeNull();
    expect((await expectAgreement('awaiting a hand mark')).get(tomas.id)).toBe('training_sent');
    expect(await stageAfter('hand marked', tomas, () => call(t.core, 'quizzes.mark', { id: unmarked.id, marks: { short: true } }))).toBe('quiz_passed');

    const manager = levels.find((l) => l.name === 'Agency Manager')?.id ?? 0;
    expect(await stageAfter('upgrade requested', ngozi, () => call(t.core, 'requests.create', { personId: ngozi.id, type: 'change_access', accessLevelId: manager }))).toBe('active');
    expect(await stageAfter('upgrade training sent', ngozi, () => call(t.core, 'training.send', { personIds: [ngozi.id] }))).toBe('training_sent');
    const leaving = await stageAfter('deactivation requested', tomas, () => call(t.core, 'requests.create', { personId: tomas.id, type: 'deactivation' }));
    expect(leaving).toBe('deactivation_requested');
    const [request] = (await call(t.core, 'requests.list', { personId: tomas.id, type: 'deactivation' })).items;
    expect(await stageAfter('deactivation cancelled', tomas, () => call(t.core, 'requests.update', { id: request!.id, status: 'cancelled' }))).not.toBe('deactivation_requested');

    // A merge repoints every fact of the merged person to the survivor, then removes them.
    const survivor = await stageAfter('merged', ana, () => call(t.core, 'people.merge', { survivorId: ana.id, mergedId: ngozi.id }));
    expect(survivor).toBe('training_sent');
    expect(await stageAfter('sample data', ana, () => call(t.core, 'demo.seed', { people: 40 }))).toBe('training_sent');
  });
});
