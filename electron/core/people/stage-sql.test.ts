import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REQUEST_TYPES } from '../../../shared/domain/person';
import { deriveStage, type Stage } from '../../../shared/workflow';
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
