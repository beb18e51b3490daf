import { afterEach, describe, expect, it } from 'vitest';
import { call, perfectAnswers, quizOfKind, twoTrainees } from '../quizzes/test-support/training-kit';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { parseIcs } from './test-support/parse-ics';

let t: TempCore | null = null;
afterEach(async () => {
  await t?.dispose();
  t = null;
});

/** Ngozi certified 30 November 2026 (due 30 November 2027); Tomás certified 15 January 2027. */
async function twoCertified() {
  t = await tempCore();
  const core = t.core;
  const { ngozi, tomas, agency } = await twoTrainees(core);
  await call(core, 'people.update', { id: ngozi.id, changes: { supervisorName: 'Ada Boss', supervisorEmail: 'ada.boss@delta.example.org' } });
  const quiz = await quizOfKind(core, 'new_user');
  for (const [person, on] of [[ngozi, '2026-11-30'], [tomas, '2027-01-15']] as const) {
    t.clock.set(`${on}T16:00:00.000Z`);
    await call(core, 'quizzes.grade', { personId: person.id, quizId: quiz.id, takenOn: on, answers: perfectAnswers(quiz) });
    await call(core, 'credentials.issue', { personId: person.id, username: `u${person.id}`, newPassword: false });
  }
  return { t, core, ngozi, tomas, agency };
}

describe('lapse and deactivation', () => {
  it('lists lapsed people as deactivation tasks; confirming deactivates and notifies the supervisor; reactivating restarts at training', async () => {
    const { t, core, ngozi, tomas } = await twoCertified();
    t.clock.set('2027-12-31T16:00:00.000Z');
    expect((await call(core, 'people.get', { id: ngozi.id })).stage).toBe('lapsed');
    const tasks = await call(core, 'recert.deactivations', {});
    expect(tasks).toEqual({ total: 1, items: [
        {
          personId: ngozi.id,
          name: 'Ngozi Okafor',
          agencyName: expect.any(String),
          hmisUserName: `u${ngozi.id}`,
          email: ngozi.email,
          supervisorName: 'Ada Boss',
          supervisorEmail: 'ada.boss@delta.example.org',
          reason: 'lapsed',
          since: '2027-12-31',
          requestNote: null,
          requestedBy: null,
        },
      ],
    });
    await expect(call(core, 'recert.confirmDeactivated', { personId: tomas.id, deactivatedOn: '2027-12-31' })).rejects.toMatchObject({ code: 'conflict' });

    const done = await call(core, 'recert.confirmDeactivated', { personId: ngozi.id, deactivatedOn: '2027-12-30', note: 'Closed in Clarity' });
    expect(done.stage).toBe('deactivated');
    expect((await call(core, 'recert.deactivations', {})).total).toBe(0);
    expect(await call(core, 'recert.summary', { personId: ngozi.id })).toMatchObject({ deactivatedOn: '2027-12-30', status: null });
    const mail = await call(core, 'mail.list', {});
    const notice = mail.items.find((m) => m.template === 'deactivation_notice');
    expect(notice?.to.map((a) => a.address)).toEqual(['ada.boss@delta.example.org']);
    expect((await call(core, 'recert.due', {})).items.map((r) => r.personId)).toEqual([tomas.id]);
    await expect(call(core, 'recert.confirmDeactivated', { personId: ngozi.id, deactivatedOn: '2027-12-30' })).rejects.toMatchObject({ code: 'conflict' });

    const back = await call(core, 'recert.reactivate', { personId: ngozi.id });
    expect(back).toMatchObject({ stage: 'documents_accepted', requestType: 'new_user' });
    const requests = await call(core, 'requests.list', { personId: ngozi.id });
    expect(requests.items.filter((r) => r.status === 'open').map((r) => r.type)).toEqual(['new_user']);
    await expect(call(core, 'recert.reactivate', { personId: ngozi.id })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('takes deactivation requests from intake into the queue and closes them on confirmation', async () => {
    const { core, tomas } = await twoCertified();
    await call(core, 'requests.create', { personId: tomas.id, type: 'deactivation', note: 'Left the agency on Friday' });
    const tasks = await call(core, 'recert.deactivations', {});
    expect(tasks.items.map((x) => [x.personId, x.reason, x.since, x.requestNote, x.requestedBy])).toEqual([[tomas.id, 'requested', '2027-01-15', 'Left the agency on Friday', 'test.operator']]);
    const done = await call(core, 'recert.confirmDeactivated', { personId: tomas.id, deactivatedOn: '2027-01-15', deactivatedBy: 'Sam Lee' });
    expect(done.stage).toBe('deactivated');
    const entry = (await call(core, 'people.history', { id: tomas.id })).find((e) => e.action === 'recert.deactivated');
    expect(entry).toMatchObject({ operator: 'test.operator', after: { reason: 'requested', deactivatedOn: '2027-01-15', deactivatedBy: 'Sam Lee' } });
    const requests = await call(core, 'requests.list', { personId: tomas.id, type: 'deactivation' });
    expect(requests.items.map((r) => r.status)).toEqual(['completed']);
  });
});

describe('recert.ics', () => {
  it('holds one all-day event per certified person on their due date, for everyone, one agency or one access level', async () => {
    const { core, agency, ngozi, tomas } = await twoCertified();
    const file = await call(core, 'recert.ics', {});
    expect(file.events).toBe(2);
    const events = parseIcs(file.text);
    expect(events.map((e) => [e.start, e.allDay, e.summary])).toEqual([
      ['2027-11-30', true, `Recertification due: Ngozi Okafor (${agency.name})`],
      ['2028-01-15', true, `Recertification due: ${tomas.firstName} ${tomas.lastName} (${agency.name})`],
    ]);
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);
    const other = await call(core, 'agencies.create', { name: 'Nobody Here Services' });
    expect((await call(core, 'recert.ics', { agencyId: other.id })).events).toBe(0);
    expect((await call(core, 'recert.ics', { agencyId: agency.id })).events).toBe(2);

    // The access-level filter of the calendar page applies to its ICS file too.
    const levels = await call(core, 'accessLevels.list', {});
    const otherLevel = levels.find((l) => l.id !== ngozi.accessLevelId);
    if (!otherLevel) throw new Error('one level only');
    await call(core, 'people.update', { id: tomas.id, changes: { accessLevelId: otherLevel.id } });
    const ngozisLevel = parseIcs((await call(core, 'recert.ics', { accessLevelId: ngozi.accessLevelId })).text);
    expect(ngozisLevel.map((e) => e.start)).toEqual(['2027-11-30']);
    expect(parseIcs((await call(core, 'recert.ics', { agencyId: agency.id, accessLevelId: otherLevel.id })).text).map((e) => e.start)).toEqual(['2028-01-15']);
  });
});
