import { afterEach, describe, expect, it } from 'vitest';
import { call, perfectAnswers, quizOfKind, twoTrainees } from '../quizzes/test-support/training-kit';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { lastDayOf } from './due-service';

let t: TempCore | null = null;
afterEach(async () => {
  await t?.dispose();
  t = null;
});

/** Ngozi passes the new-user quiz on 30 November 2026 and is issued credentials the next day. */
async function certifiedTrainee() {
  t = await tempCore();
  const core = t.core;
  const { ngozi, tomas } = await twoTrainees(core);
  const quiz = await quizOfKind(core, 'new_user');
  t.clock.set('2026-12-01T16:00:00.000Z');
  await call(core, 'quizzes.grade', { personId: ngozi.id, quizId: quiz.id, takenOn: '2026-11-30', answers: perfectAnswers(quiz) });
  await call(core, 'credentials.issue', { personId: ngozi.id, username: 'nokafor', newPassword: false });
  return { t, core, ngozi, tomas };
}

describe('certifications', () => {
  it('records the first certification when credentials are issued, and closes the new-user request', async () => {
    const { core, ngozi } = await certifiedTrainee();
    const summary = await call(core, 'recert.summary', { personId: ngozi.id });
    expect(summary).toMatchObject({ hmisUserName: 'nokafor', certifiedOn: '2026-11-30', dueOn: '2027-11-30', status: 'current', deactivatedOn: null });
    expect(summary.history).toMatchObject([{ kind: 'initial', certifiedOn: '2026-11-30', dueOn: '2027-11-30', hmisUserName: 'nokafor' }]);
    const requests = await call(core, 'requests.list', { personId: ngozi.id });
    expect(requests.items.map((r) => [r.type, r.status])).toEqual([['new_user', 'completed']]);
    const person = await call(core, 'people.get', { id: ngozi.id });
    expect(person).toMatchObject({ stage: 'active', recertDueOn: '2027-11-30' });
  });

  it('does not certify again when credentials are issued again for the same pass', async () => {
    const { core, ngozi } = await certifiedTrainee();
    await call(core, 'credentials.issue', { personId: ngozi.id, username: 'nokafor2', newPassword: false });
    expect((await call(core, 'recert.summary', { personId: ngozi.id })).history).toHaveLength(1);
  });

  it('rolls the due date on a passed recertification quiz: early inside the window keeps the anniversary', async () => {
    const { t, core, ngozi } = await certifiedTrainee();
    const recert = await quizOfKind(core, 'recertification');
    t.clock.set('2027-10-20T16:00:00.000Z');
    expect((await call(core, 'people.get', { id: ngozi.id })).stage).toBe('recert_due_soon');
    await call(core, 'quizzes.grade', { personId: ngozi.id, quizId: recert.id, takenOn: '2027-10-20', answers: perfectAnswers(recert) });
    const summary = await call(core, 'recert.summary', { personId: ngozi.id });
    expect(summary).toMatchObject({ certifiedOn: '2027-10-20', dueOn: '2028-11-30', status: 'current' });
    expect(summary.history.map((h) => h.kind)).toEqual(['recertification', 'initial']);
    expect((await call(core, 'people.get', { id: ngozi.id })).stage).toBe('active');
  });

  it('starts a new anniversary on a late pass, and a failed attempt records nothing', async () => {
    const { t, core, ngozi } = await certifiedTrainee();
    const recert = await quizOfKind(core, 'recertification');
    t.clock.set('2027-12-10T16:00:00.000Z');
    expect((await call(core, 'people.get', { id: ngozi.id })).stage).toBe('recert_overdue');
    const wrong = Object.fromEntries(Object.entries(perfectAnswers(recert)).map(([k]) => [k, { choices: [99] }]));
    await call(core, 'quizzes.grade', { personId: ngozi.id, quizId: recert.id, takenOn: '2027-12-09', answers: wrong }).catch(() => undefined);
    expect((await call(core, 'recert.summary', { personId: ngozi.id })).history).toHaveLength(1);
    await call(core, 'quizzes.grade', { personId: ngozi.id, quizId: recert.id, takenOn: '2027-12-10', answers: perfectAnswers(recert) });
    expect(await call(core, 'recert.summary', { personId: ngozi.id })).toMatchObject({ certifiedOn: '2027-12-10', dueOn: '2028-12-10', status: 'current' });
  });

  it('lists the due people, the month heat map and the master list by due date', async () => {
    const { t, core, ngozi } = await certifiedTrainee();
    t.clock.set('2027-11-01T16:00:00.000Z');
    const due = await call(core, 'recert.due', { withinDays: 60 });
    expect(due.total).toBe(1);
    expect(due.items[0]).toMatchObject({ personId: ngozi.id, dueOn: '2027-11-30', status: 'due', daysLeft: 29, hmisUserName: 'nokafor', certifiedOn: '2026-11-30' });
    expect((await call(core, 'recert.due', { withinDays: 10 })).total).toBe(0);
    expect((await call(core, 'recert.due', { statuses: ['due'] })).total).toBe(1);
    expect((await call(core, 'recert.due', { statuses: ['overdue', 'lapsed'] })).total).toBe(0);
    expect(await call(core, 'recert.calendar', { month: '2027-11' })).toEqual({ month: '2027-11', days: [{ date: '2027-11-30', count: 1 }], total: 1 });
    expect((await call(core, 'recert.calendar', { month: '2027-12' })).total).toBe(0);
    // Any month the contract lets in is answered (year 0524 broke the calendar: found by the hostile suite).
    for (const month of ['0524-05', '0000-01', '9999-12', '2028-02']) expect(await call(core, 'recert.calendar', { month })).toMatchObject({ month, total: 0 });
    const list = await call(core, 'people.list', { sort: 'recertDueOn', dueWithinDays: 30 });
    expect(list.items.map((p) => [p.id, p.recertDueOn])).toEqual([[ngozi.id, '2027-11-30']]);
    expect((await call(core, 'people.list', { stage: 'recert_due' })).items.map((p) => p.id)).toEqual([ngozi.id]);
  });

  it('moves every due date when the policy changes, and refuses a save over a newer one', async () => {
    const { core, ngozi } = await certifiedTrainee();
    const first = await call(core, 'recert.policy.get', {});
    expect(first.updatedAt).toBeNull();
    const saved = await call(core, 'recert.policy.save', { policy: { ...first.policy, cycle: { kind: 'fixed_deadline', month: 6, day: 30 } }, expectedUpdatedAt: null });
    expect((await call(core, 'people.get', { id: ngozi.id })).recertDueOn).toBe('2027-06-30');
    await expect(call(core, 'recert.policy.save', { policy: first.policy, expectedUpdatedAt: null })).rejects.toMatchObject({ code: 'conflict' });
    await call(core, 'recert.policy.save', { policy: first.policy, expectedUpdatedAt: saved.updatedAt });
    expect((await call(core, 'people.get', { id: ngozi.id })).recertDueOn).toBe('2027-11-30');
  });
});

describe('lastDayOf', () => {
  it('counts the days of any month, leap years included', () => {
    expect(['2028-02', '2027-02', '1900-02', '2000-02', '0524-05', '9999-12'].map(lastDayOf)).toEqual(['2028-02-29', '2027-02-28', '1900-02-28', '2000-02-29', '0524-05-31', '9999-12-31']);
  });
});
