import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, perfectAnswers, quizOfKind, twoTrainees } from '../quizzes/test-support/training-kit';
import { tempCore, type TempCore } from '../test-support/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

describe('training catalog', () => {
  it('ships the Sacramento levels with their sets, the VI-SPDAT add-on and a quiz per kind', async () => {
    const catalog = await call(t.core, 'training.catalog', {});
    expect(catalog.trainingSets).toEqual(['New User', 'VI-SPDAT', 'Reports', 'Services Only']);
    const manager = catalog.levels.find((l) => l.name === 'Agency Manager');
    const readOnly = catalog.levels.find((l) => l.name === 'Read Only');
    expect(manager?.quizzes.assessment).not.toBeNull();
    expect(readOnly?.quizzes).toMatchObject({ assessment: null });
    expect(readOnly?.quizzes.new_user).toBe(manager?.quizzes.new_user);
    expect(catalog.materials.filter((m) => m.trainingSet === 'VI-SPDAT').map((m) => m.title)).toEqual(['VI-SPDAT Assessment Training', 'Coordinated Entry Assessment Guide']);
  });

  it('edits a level, refuses a quiz of the wrong kind, and adds a material with an attached file', async () => {
    const catalog = await call(t.core, 'training.catalog', {});
    const level = catalog.levels.find((l) => l.name === 'Read Only');
    const recert = await quizOfKind(t.core, 'recertification');
    await expect(call(t.core, 'training.levels.save', { id: level?.id, name: 'Read Only', includesAssessments: false, trainingSets: ['New User'], quizzes: { new_user: recert.id } })).rejects.toThrow(
      'HMIS Annual Recertification Quiz is not a new user quiz.',
    );
    const saved = await call(t.core, 'training.levels.save', { id: level?.id, name: 'Read-Only Access', includesAssessments: false, trainingSets: ['New User', 'Reports'] });
    expect(saved.levels.find((l) => l.id === level?.id)).toMatchObject({ name: 'Read-Only Access', trainingSets: ['New User', 'Reports'] });
    const bytes = new TextEncoder().encode('%PDF-1.7 handout');
    const withFile = await call(t.core, 'training.materials.save', { trainingSet: 'Reports', title: 'Report cheat sheet', kind: 'document', file: { fileName: 'cheat-sheet.pdf', bytes }, minutes: 5 });
    const material = withFile.materials.find((m) => m.title === 'Report cheat sheet');
    expect(material).toMatchObject({ url: null, file: { fileName: 'cheat-sheet.pdf', contentType: 'application/pdf' }, minutes: 5 });
    expect(new TextDecoder().decode(await t.core.files.read(material?.file?.sha256 ?? ''))).toBe('%PDF-1.7 handout');
  });
});

describe('send training', () => {
  it('queues the training email for the level, records the date and moves the stage on', async () => {
    const { ngozi } = await twoTrainees(t.core);
    const [plan] = await call(t.core, 'training.preview', { personIds: [ngozi.id] });
    expect(plan?.materials.map((m) => m.trainingSet)).toEqual(['New User', 'New User', 'New User', 'VI-SPDAT', 'VI-SPDAT']);
    expect(plan?.quizzes.map((q) => q.kind)).toEqual(['new_user', 'assessment']);
    expect(await call(t.core, 'training.send', { personIds: [ngozi.id] })).toEqual({ sent: 1, skipped: [] });
    expect((await call(t.core, 'people.get', { id: ngozi.id })).stage).toBe('training_sent');
    const [sent] = await call(t.core, 'training.history', { personId: ngozi.id });
    expect(sent).toMatchObject({ accessLevelName: 'Direct Service Staff with Assessments', sentAt: '2026-11-28T15:00:00.000Z', quizIds: plan?.quizzes.map((q) => q.id) });
    const mail = await call(t.core, 'mail.get', { id: sent?.mailId ?? 0 });
    expect(mail.subject).toBe('HMIS training for Direct Service Staff with Assessments: next steps');
    expect(mail.text).toContain('- VI-SPDAT Assessment Training (video, 60 min): https://hmis-training.example.org/vi-spdat/video');
    expect(mail.text).toContain('Then take the HMIS New User Quiz: https://forms.example.org/hmis-new-user-quiz');
    expect(mail.text).toContain('also take the VI-SPDAT Assessment Quiz: https://forms.example.org/vi-spdat-assessment-quiz');
  });

  it('sends an upgrade only what the new level adds', async () => {
    const { ngozi, levels } = await twoTrainees(t.core);
    const readOnly = levels.find((l) => l.name === 'Read Only');
    const manager = levels.find((l) => l.name === 'Agency Manager');
    await call(t.core, 'people.update', { id: ngozi.id, changes: { accessLevelId: readOnly?.id } });
    await call(t.core, 'requests.create', { personId: ngozi.id, type: 'change_access', accessLevelId: manager?.id });
    const person = await call(t.core, 'people.get', { id: ngozi.id });
    expect([person.accessLevelName, person.requestType]).toEqual(['Agency Manager', 'change_access']);
    const [plan] = await call(t.core, 'training.preview', { personIds: [ngozi.id] });
    expect(plan?.previousLevelName).toBe('Read Only');
    expect([...new Set(plan?.materials.map((m) => m.trainingSet))]).toEqual(['VI-SPDAT', 'Reports']);
    expect(plan?.quizzes.map((q) => q.kind)).toEqual(['assessment']);
  });

  it('walks the stages: training sent -> quiz passed (every quiz asked for) -> active', async () => {
    const { ngozi } = await twoTrainees(t.core);
    await call(t.core, 'training.send', { personIds: [ngozi.id] });
    const newUser = await quizOfKind(t.core, 'new_user');
    const assessment = await quizOfKind(t.core, 'assessment');
    const stage = async () => (await call(t.core, 'people.get', { id: ngozi.id })).stage;
    t.clock.set('2026-11-29T10:00:00.000Z');
    await call(t.core, 'quizzes.grade', { personId: ngozi.id, quizId: newUser.id, answers: perfectAnswers(newUser) });
    expect(await stage()).toBe('training_sent');
    await call(t.core, 'quizzes.grade', { personId: ngozi.id, quizId: assessment.id, answers: perfectAnswers(assessment) });
    expect(await stage()).toBe('quiz_passed');
    const queue = await call(t.core, 'training.queue', { queue: 'credentials_to_issue' });
    expect(queue.items.map((r) => [r.person.id, r.attempts, r.passingAttempt?.quizTitle])).toEqual([[ngozi.id, 2, 'VI-SPDAT Assessment Quiz']]);
    await call(t.core, 'training.settings.save', { loginUrl: 'https://hmis.example.org/login' });
    await call(t.core, 'credentials.issue', { personId: ngozi.id, username: 'nokafor' });
    expect(await stage()).toBe('active');
  });
});
