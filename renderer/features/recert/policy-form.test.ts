import { describe, expect, it } from 'vitest';
import { DEFAULT_RECERT_POLICY as P } from '../../../shared/domain/recert-policy';
import { addDay, dayListWords, noticesAfterGrace, policyChanges, policyProblems } from './policy-form';

describe('addDay', () => {
  it('keeps reminders furthest first and notices soonest first', () => {
    expect(addDay([60, 30, 7], 45, 'reminderDaysBefore')).toEqual({ list: [60, 45, 30, 7] });
    expect(addDay([7, 14], 3, 'overdueDaysAfter')).toEqual({ list: [3, 7, 14] });
    expect(addDay([], '0', 'reminderDaysBefore')).toEqual({ list: [0] });
  });

  it('says why a day cannot be added', () => {
    expect(addDay([60, 30], 30, 'reminderDaysBefore')).toEqual({ error: '30 days is already on the list.' });
    expect(addDay([7], 0, 'overdueDaysAfter')).toEqual({ error: 'An overdue notice comes at least one day after the due date.' });
    expect(addDay([], 400, 'reminderDaysBefore')).toEqual({ error: 'Keep it within a year (366 days).' });
    expect(addDay([], '', 'reminderDaysBefore')).toEqual({ error: 'Enter a whole number of days.' });
    expect(addDay([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 11, 'reminderDaysBefore')).toEqual({ error: 'Keep to 10 or fewer.' });
  });
});

describe('policyProblems', () => {
  it('accepts the default and refuses a day the month does not have', () => {
    expect(policyProblems(P)).toEqual({});
    expect(policyProblems({ ...P, cycle: { kind: 'fixed_deadline', month: 6, day: 31 } })).toEqual({ cycle: 'June has only 30 days.' });
    expect(policyProblems({ ...P, cycle: { kind: 'fixed_deadline', month: 2, day: 29 } })).toEqual({});
    expect(policyProblems({ ...P, graceDays: -1 }).graceDays).toBe('The grace period cannot be negative.');
  });

  it('names the overdue notices a grace period cuts off', () => {
    expect(noticesAfterGrace({ ...P, graceDays: 10 })).toEqual([14]);
    expect(noticesAfterGrace(P)).toEqual([]);
  });
});

describe('policyChanges', () => {
  it('says that due dates move, and how many people, when the cycle changes', () => {
    expect(policyChanges(P, { ...P, cycle: { kind: 'fixed_deadline', month: 6, day: 30 } }, 312)).toEqual([
      "Due dates of 312 certified people move: due every June 30 for everyone (was 12 months after each person's last certification).",
    ]);
    expect(policyChanges(P, { ...P, cycle: { kind: 'anniversary', months: 24 } }, 1)[0]).toMatch(/^Due dates of 1 certified person move/);
  });

  it('words day lists as a sentence', () => {
    expect(dayListWords([0], false)).toBe('on the due date');
    expect(dayListWords([1], true)).toBe('1 day after');
    expect(dayListWords([], true)).toBe('none');
  });

  it('lists every other change, and nothing for an unchanged policy', () => {
    expect(policyChanges(P, P, 5)).toEqual([]);
    const changed = policyChanges(P, { ...P, reminderDaysBefore: [30, 0], overdueDaysAfter: [7], graceDays: 45, copySupervisorOnOverdue: false, resignAgreement: true }, 5);
    expect(changed).toEqual([
      'Reminders: 30 days before and on the due date (was 60, 30, 14 and 7 days before and on the due date).',
      'Overdue notices: 7 days after (was 7 and 14 days after).',
      'People lapse 45 days after their due date (was 30).',
      'Overdue notices no longer copy the supervisor.',
      'The End User Agreement is signed again at each recertification.',
    ]);
  });
});
