import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import { REPORT_IDS } from '../../../shared/domain/reports';
import { call } from '../quizzes/test-support/training-kit';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { reportOffice } from './test-support/report-office';

let t: TempCore;
let office: Awaited<ReturnType<typeof reportOffice>>;
beforeAll(async () => {
  t = await tempCore();
  office = await reportOffice(t.core, t.dataDir);
});
afterAll(() => t.dispose());

const run = (id: 'status' | 'compliance' | 'pending' | 'training' | 'activity', filters = {}) => call(t.core, 'reports.run', { id, filters });
const section = (result: Awaited<ReturnType<typeof run>>, key: string) => result.sections.find((s) => s.key === key);

describe('Onboarding status', () => {
  it('counts everyone by stage and agency, and lists the people onboarding by stage, longest waiting first', async () => {
    const r = await run('status');
    expect(r.totals).toEqual({ people: 9, onboarding: 5, active: 4, medianDaysOnboarding: 44 });
    const stages = Object.fromEntries((section(r, 'byStage')?.rows ?? []).filter((s) => s.people).map((s) => [s.stage, s.people]));
    expect(stages).toEqual({
      'Registered — awaiting documents': 1,
      'Documents in review': 1,
      'Documents rejected — awaiting resubmission': 1,
      'Training sent — awaiting quiz': 1,
      'Quiz passed — credentials to issue': 1,
      Active: 1,
      'Recertification due': 1,
      'Recertification overdue': 1,
      'Lapsed — to deactivate': 1,
    });
    expect(section(r, 'byAgency')?.rows).toEqual([
      { agency: 'Delta Recovery', people: 3, awaitingDocuments: 0, inReview: 0, rejected: 0, readyForTraining: 0, trainingSent: 1, quizPassed: 1, active: 1, leaving: 0 },
      { agency: 'River City Outreach', people: 6, awaitingDocuments: 1, inReview: 1, rejected: 1, readyForTraining: 0, trainingSent: 0, quizPassed: 0, active: 3, leaving: 0 },
    ]);
    expect(section(r, 'people')?.rows.map((p) => [p.name, p.since, p.daysInStage])).toEqual([
      ['Ana Awaiting', '2026-11-01', 27],
      ['Ben Review', '2026-11-20', 8],
      ['Cara Rejected', '2026-11-10', 18],
      ['Hana Training', '2026-11-15', 13],
      ['Ivy Passed', '2026-11-12', 16],
    ]);
    expect(r.chart?.find((c) => c.label === 'Active')?.values).toEqual({ people: 4 });
  });

  it('narrows to one agency and a registration date range, and says so in words', async () => {
    const r = await run('status', { agencyId: office.river, from: '2026-09-01', to: '2026-10-31' });
    expect(r.filterWords).toEqual(['Agency: River City Outreach', 'Registered 2026-09-01 to 2026-10-31']);
    expect(section(r, 'people')?.rows.map((p) => p.name)).toEqual(['Ben Review', 'Cara Rejected']);
    expect(r.totals.people).toBe(2);
  });
});

describe('Recertification compliance', () => {
  it('gives each agency its active users, current share, due in 30 days, overdue and lapsed', async () => {
    const r = await run('compliance');
    expect(r.totals).toEqual({ active: 4, currentPct: 50, due30: 1, overdue: 1, lapsed: 1 });
    expect(section(r, 'byAgency')?.rows).toEqual([
      { agency: 'Delta Recovery', active: 1, current: 0, currentPct: 0, due30: 0, overdue: 0, lapsed: 1 },
      { agency: 'River City Outreach', active: 3, current: 2, currentPct: 66.7, due30: 1, overdue: 1, lapsed: 0 },
    ]);
  });

  it('lists the people behind the numbers, soonest due first within each agency', async () => {
    const people = section(await run('compliance'), 'people');
    expect(people?.total).toBe(3);
    expect(people?.rows.map((p) => [p.agency, p.name, p.dueOn, p.status, p.daysLeft])).toEqual([
      ['Delta Recovery', 'Gus Lapsed', '2026-09-01', 'Lapsed', -88],
      ['River City Outreach', 'Finn Overdue', '2026-11-10', 'Overdue', -18],
      ['River City Outreach', 'Eve DueSoon', '2026-12-10', 'Due', 12],
    ]);
  });

  it('refuses a date range, which it cannot apply, with a sentence', async () => {
    await expect(run('compliance', { from: '2026-01-01' })).rejects.toThrow('The Recertification compliance report has no date range: it counts as of today. Leave out the dates.');
  });
});

describe('Pending documents', () => {
  it('lists who is missing which form, what waits for review, and what was rejected and why', async () => {
    const r = await run('pending');
    expect(r.totals).toEqual({ missing: 2, inReview: 1, rejected: 1 });
    expect(section(r, 'missing')?.rows.map((m) => [m.name, m.missing, m.since, m.days])).toEqual([
      ['Ben Review', 'HMIS End User Agreement', '2026-10-01', 58],
      ['Ana Awaiting', 'Staff Verification for HMIS Access; HMIS End User Agreement', '2026-11-01', 27],
    ]);
    expect(section(r, 'inReview')?.rows).toEqual([{ name: 'Ben Review', agency: 'River City Outreach', document: 'Staff Verification for HMIS Access', since: '2026-11-20', days: 8 }]);
    expect(section(r, 'rejected')?.rows).toEqual([
      { name: 'Cara Rejected', agency: 'River City Outreach', document: 'Staff Verification for HMIS Access', since: '2026-11-10', days: 18, reasons: 'Missing signature; Page 2 unsigned' },
    ]);
  });

  it('limits by the waiting-since date', async () => {
    const r = await run('pending', { from: '2026-11-15' });
    expect(r.totals).toEqual({ missing: 0, inReview: 1, rejected: 0 });
  });
});

describe('Training and quizzes', () => {
  it('counts trainings sent, attempts and the first-attempt pass rate, by agency and access level', async () => {
    const r = await run('training');
    expect(r.totals).toEqual({ sent: 2, attempts: 3, firstAttempts: 2, firstPassPct: 50 });
    expect(section(r, 'byAgency')?.rows).toEqual([{ agency: 'Delta Recovery', sent: 2, attempts: 3, firstAttempts: 2, firstPassed: 1, firstPassPct: 50 }]);
    expect(section(r, 'byLevel')?.rows).toEqual([{ accessLevel: office.l2.name, sent: 2, attempts: 3, firstAttempts: 2, firstPassed: 1, firstPassPct: 50 }]);
  });

  it('names the questions missed most, each against its own attempts', async () => {
    const missed = section(await run('training'), 'missed')?.rows ?? [];
    expect(missed.map((m) => [m.question, m.missed, m.answered, m.missedPct])).toEqual(office.quiz.questions.slice(0, 3).map((q) => [q.text, 2, 3, 66.7]));
  });

  it('counts a later attempt in the date range as a retake, not a first attempt', async () => {
    const r = await run('training', { from: '2026-11-16' });
    expect(r.totals).toEqual({ sent: 0, attempts: 2, firstAttempts: 1, firstPassPct: 0 });
  });
});

describe('Activity', () => {
  it('reads the last 30 days by default, today included (the catalog seeded on opening)', async () => {
    const r = await run('activity');
    expect(r.filters).toEqual({ from: '2026-10-30', to: '2026-11-28' });
    expect(r.filterWords).toEqual(['Recorded 2026-10-30 to 2026-11-28']);
    expect(r.totals).toEqual({ entries: 6, operators: 3 });
    expect(section(r, 'entries')?.rows[0]).toMatchObject({ operator: 'test.operator', about: 'Email templates' });
  });

  it('reads the audit log in sentences, newest first, with who did how much', async () => {
    const r = await run('activity', { from: '2026-10-30', to: '2026-11-27' });
    expect(r.totals).toEqual({ entries: 3, operators: 2 });
    expect(section(r, 'entries')?.rows.map((e) => [e.operator, e.about, e.what])).toEqual([
      ['m.lopez', 'Delta Recovery', 'Updated.'],
      ['m.lopez', 'Ben Review', 'Set phone to (916) 555-0100.'],
      ['j.rivera', 'Cara Rejected', 'Rejected the Staff Verification for HMIS Access: Missing signature. Page 2 unsigned.'],
    ]);
    expect(section(r, 'byOperator')?.rows).toEqual([
      { operator: 'm.lopez', entries: 2, first: '2026-11-20', last: '2026-11-27' },
      { operator: 'j.rivera', entries: 1, first: '2026-11-10', last: '2026-11-10' },
    ]);
  });

  it('takes an older range and one agency', async () => {
    const r = await run('activity', { from: '2026-09-01', to: '2026-09-30', agencyId: office.river });
    expect(section(r, 'entries')?.rows.map((e) => e.what)).toEqual([`Registered at River City Outreach as ${office.l2.name}.`]);
  });
});

describe('every report through dispatch', () => {
  it('answers what the contract promises (outputs checked), for each report', async () => {
    for (const id of REPORT_IDS) {
      const envelope = await dispatch(t.core.handlers, 'reports.run', { id }, { checkOutput: true });
      expect(envelope.ok, `${id}: ${JSON.stringify(envelope)}`).toBe(true);
    }
  });
});
