import { afterEach, describe, expect, it } from 'vitest';
import recertificationQuiz from '../../../resources/catalog/quizzes/recertification.json' with { type: 'json' };
import { call, perfectAnswers, quizOfKind, twoTrainees } from '../quizzes/test-support/training-kit';
import { tempCore, type TempCore } from '../test-support/temp-core';

let t: TempCore | null = null;
afterEach(async () => {
  await t?.dispose();
  t = null;
});

const QUIZ = recertificationQuiz.quiz;

/** Ngozi certified 30 November 2026 (due 30 November 2027), with a supervisor. */
async function ngoziCertified() {
  t = await tempCore();
  const core = t.core;
  const { ngozi } = await twoTrainees(core);
  await call(core, 'people.update', { id: ngozi.id, changes: { supervisorName: 'Ada Boss', supervisorEmail: 'ada.boss@delta.example.org' } });
  const quiz = await quizOfKind(core, 'new_user');
  t.clock.set('2026-11-30T16:00:00.000Z');
  await call(core, 'quizzes.grade', { personId: ngozi.id, quizId: quiz.id, takenOn: '2026-11-30', answers: perfectAnswers(quiz) });
  await call(core, 'credentials.issue', { personId: ngozi.id, username: 'nokafor', newPassword: false });
  return { t, core, ngozi };
}

async function messageOf(core: TempCore['core'], template: string) {
  const list = await call(core, 'mail.list', {});
  const summary = list.items.find((m) => m.template === template);
  if (!summary) throw new Error(`no ${template} message in the outbox`);
  return call(core, 'mail.get', { id: summary.id });
}

describe('recertification reminders', () => {
  it('carry the recertification quiz link and its directions, in the text and the HTML', async () => {
    const { t, core } = await ngoziCertified();
    t.clock.set('2027-10-31T16:00:00.000Z');
    await call(core, 'recert.remind', {});
    const reminder = await messageOf(core, 'recert_reminder');
    expect(reminder.text).toContain(QUIZ.url);
    expect(reminder.text).toContain(QUIZ.directions);
    expect(reminder.html).toContain(`href="${QUIZ.url}"`);
    expect(reminder.html).toContain('You need 80% to pass');

    t.clock.set('2027-12-07T16:00:00.000Z');
    await call(core, 'recert.remind', {});
    const overdue = await messageOf(core, 'overdue_notice');
    expect(overdue.text).toContain(QUIZ.url);
    expect(overdue.text).toContain(QUIZ.directions);
    expect(overdue.cc.map((a) => a.address)).toEqual(['ada.boss@delta.example.org']);
    expect(overdue.text).toContain('Your supervisor, Ada Boss, receives a copy of this notice.');
  });

  it('says nothing of a copy to the supervisor when there is none to send it to', async () => {
    const { t, core, ngozi } = await ngoziCertified();
    await call(core, 'people.update', { id: ngozi.id, changes: { supervisorName: null, supervisorEmail: null } });
    t.clock.set('2027-12-07T16:00:00.000Z');
    await call(core, 'recert.remind', {});
    const overdue = await messageOf(core, 'overdue_notice');
    expect(overdue.cc).toEqual([]);
    expect(overdue.text).not.toContain('receives a copy');
    expect(overdue.html).not.toContain('receives a copy');
    expect(overdue.text).toContain(QUIZ.directions);
  });

  it('previews who gets what today with a dry run, queues it on a real run, and says when reminders were last queued', async () => {
    const { t, core, ngozi } = await ngoziCertified();
    t.clock.set('2027-12-07T16:00:00.000Z');
    const preview = await call(core, 'recert.remind', { dryRun: true });
    expect(preview).toMatchObject({ queued: 1, schedule: null, lastQueuedAt: null });
    expect(preview.items).toEqual([{ personId: ngozi.id, name: 'Ngozi Okafor', dueOn: '2027-11-30', offsetDays: 7, kind: 'overdue', to: ngozi.email, cc: ['ada.boss@delta.example.org'] }]);
    expect((await call(core, 'mail.list', { personId: ngozi.id })).items.filter((m) => m.template === 'overdue_notice')).toEqual([]);

    const run = await call(core, 'recert.remind', {});
    expect(run.items.map((i) => i.to)).toEqual([ngozi.email]);
    expect(run.lastQueuedAt).toBe('2027-12-07T16:00:00.000Z');
    const again = await call(core, 'recert.remind', { dryRun: true });
    expect(again).toMatchObject({ queued: 0, skippedAlreadySent: 1, items: [], lastQueuedAt: '2027-12-07T16:00:00.000Z' });
  });

  it('holds the reminders of a level with no recertification quiz instead of sending them without the link, and sends them once it has one', async () => {
    const { t, core, ngozi } = await ngoziCertified();
    const catalog = await call(core, 'training.catalog', {});
    const level = catalog.levels.find((l) => l.id === ngozi.accessLevelId);
    if (!level) throw new Error('no level');
    const recertQuizId = level.quizzes.recertification;
    const saveLevel = (recertification: number | null) =>
      call(core, 'training.levels.save', { id: level.id, name: level.name, includesAssessments: level.includesAssessments, trainingSets: level.trainingSets, quizzes: { ...level.quizzes, recertification } });
    await saveLevel(null);
    t.clock.set('2027-10-31T16:00:00.000Z');
    const preview = await call(core, 'recert.remind', { dryRun: true });
    expect(preview).toMatchObject({ queued: 0, skippedAlreadySent: 0, items: [] });
    expect(preview.held).toEqual([{ personId: ngozi.id, name: 'Ngozi Okafor', dueOn: '2027-11-30', offsetDays: -30, kind: 'reminder', accessLevelName: level.name }]);
    const run = await call(core, 'recert.remind', {});
    expect(run).toMatchObject({ queued: 0, held: preview.held });
    expect((await call(core, 'mail.list', { personId: ngozi.id })).items.filter((m) => m.template === 'recert_reminder')).toEqual([]);

    await saveLevel(recertQuizId);
    const next = await call(core, 'recert.remind', {});
    expect(next).toMatchObject({ queued: 1, held: [] });
    expect((await messageOf(core, 'recert_reminder')).text).toContain(QUIZ.url);
  });
});
