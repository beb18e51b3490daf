import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, quizOfKind } from '../quizzes/test-support/training-kit';
import { expectOneWinner, race } from '../test-support/race';
import { tempCore, type TempCore } from '../test-support/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

const catalog = () => call(t.core, 'training.catalog', {});

describe('two catalog edits from the same base', () => {
  it('keeps one edit of an access level and refuses the other', async () => {
    const level = (await catalog()).levels.find((l) => l.name === 'Read Only');
    if (!level) throw new Error('no Read Only level');
    const save = (name: string, trainingSets: string[]) => () =>
      call(t.core, 'training.levels.save', { id: level.id, expectedVersion: level.version, name, includesAssessments: false, trainingSets });
    const outcome = await race(save('Read-Only Access', ['New User']), save('Read Only', ['New User', 'Reports']));
    expectOneWinner(outcome, /^Someone else changed the access level Read Only while you were editing\. Reload/);
    const after = (await catalog()).levels.find((l) => l.id === level.id);
    expect([after?.name, after?.trainingSets]).not.toEqual(['Read-Only Access', ['New User', 'Reports']]);
    expect(after?.version).not.toBe(level.version);
  });

  it('refuses a level saved over a quiz choice someone else made meanwhile', async () => {
    const level = (await catalog()).levels.find((l) => l.name === 'Read Only');
    if (!level) throw new Error('no Read Only level');
    const recert = await quizOfKind(t.core, 'recertification');
    const copy = await t.core.handlers['quizzes.save']({ definition: { ...recert, title: 'Recertification (short)', questions: recert.questions.slice(0, 3) } });
    const outcome = await race(
      () => call(t.core, 'training.levels.save', { id: level.id, expectedVersion: level.version, name: level.name, includesAssessments: false, trainingSets: level.trainingSets, quizzes: { recertification: copy.id } }),
      () => call(t.core, 'training.levels.save', { id: level.id, expectedVersion: level.version, name: level.name, includesAssessments: false, trainingSets: ['New User', 'Reports'] }),
    );
    expectOneWinner(outcome);
  });

  it('keeps one edit of a training material and refuses the other', async () => {
    const material = (await catalog()).materials[0];
    if (!material) throw new Error('no materials');
    const save = (title: string) => () =>
      call(t.core, 'training.materials.save', { id: material.id, expectedUpdatedAt: material.updatedAt, trainingSet: material.trainingSet, title, kind: material.kind, url: material.url, minutes: material.minutes });
    const outcome = await race(save('New User Training (2027)'), save('New User Training, part 1'));
    const winner = expectOneWinner(outcome, new RegExp(`^Someone else changed the training material ${material.title} while you were editing\\. Reload`));
    expect(winner.materials.find((m) => m.id === material.id)?.title).toBe((await catalog()).materials.find((m) => m.id === material.id)?.title);
  });

  it('keeps one new HMIS login address and refuses the other', async () => {
    const { loginUrl } = await catalog();
    const save = (url: string) => () => call(t.core, 'training.settings.save', { loginUrl: url, expectedLoginUrl: loginUrl });
    const outcome = await race(save('https://hmis.county.example.org/login'), save('https://hmis2.county.example.org/'));
    const winner = expectOneWinner(outcome, /^Someone else changed the HMIS login address while you were editing\. Reload/);
    expect((await catalog()).loginUrl).toBe(winner.loginUrl);
  });

  it('never leaves a level on a quiz archived at the same moment', async () => {
    const level = (await catalog()).levels.find((l) => l.name === 'Read Only');
    if (!level) throw new Error('no Read Only level');
    const recert = await quizOfKind(t.core, 'recertification');
    const copy = await t.core.handlers['quizzes.save']({ definition: { ...recert, title: 'Recertification (short)', questions: recert.questions.slice(0, 3) } });
    const outcome = await race<unknown>(
      () => call(t.core, 'quizzes.archive', { id: copy.id, archived: true }),
      () => call(t.core, 'training.levels.save', { id: level.id, expectedVersion: level.version, name: level.name, includesAssessments: false, trainingSets: level.trainingSets, quizzes: { recertification: copy.id } }),
    );
    expect(outcome.won).toHaveLength(1);
    expect(outcome.lost).toEqual([expect.objectContaining({ code: 'conflict' })]);
    const archived = (await t.core.handlers['quizzes.get']({ id: copy.id })).archived;
    const chosen = (await catalog()).levels.find((l) => l.id === level.id)?.quizzes.recertification === copy.id;
    expect(archived && chosen).toBe(false);
  });
});
