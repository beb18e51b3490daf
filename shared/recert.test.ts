import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween } from './calendar-date';
import { DEFAULT_RECERT_POLICY, recertPolicy, type RecertPolicy } from './domain/recert-policy';
import { dueDate, lapsesOn, nextAnchor, owedRanges, recertStatus, reminderOwed, reminderSchedule } from './recert';

const policy = DEFAULT_RECERT_POLICY;
const fixedJune30: RecertPolicy = { ...policy, cycle: { kind: 'fixed_deadline', month: 6, day: 30 } };

describe('calendar dates', () => {
  it('adds months clamped to the end of the month, across years', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-11-15', 3)).toBe('2028-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('counts days across a leap day and a year end', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
  });
});

describe('due date', () => {
  it('is one year after the certification by default', () => {
    expect(dueDate('2026-03-15', policy)).toBe('2027-03-15');
  });

  it('puts a 29 February certification due on 28 February of a common year', () => {
    expect(dueDate('2024-02-29', policy)).toBe('2025-02-28');
    expect(dueDate('2027-02-28', policy)).toBe('2028-02-28');
  });

  it('with a fixed deadline, is the first deadline whose window opens after the anchor', () => {
    expect(dueDate('2026-03-01', fixedJune30)).toBe('2026-06-30');
    // Certified inside the window of this year's deadline: next year's.
    expect(dueDate('2026-06-01', fixedJune30)).toBe('2027-06-30');
    expect(dueDate('2026-07-01', fixedJune30)).toBe('2027-06-30');
  });

  it('clamps a 29 February deadline in common years', () => {
    const leapDeadline: RecertPolicy = { ...policy, cycle: { kind: 'fixed_deadline', month: 2, day: 29 } };
    expect(dueDate('2026-06-01', leapDeadline)).toBe('2027-02-28');
    expect(dueDate('2027-06-01', leapDeadline)).toBe('2028-02-29');
  });
});

describe('status as time moves', () => {
  const due = '2027-03-15';
  const at = (today: string) => recertStatus(due, today, policy);

  it('walks current → due soon → due → overdue → lapsed', () => {
    expect(at('2026-03-15')).toBe('current');
    expect(at('2027-01-13')).toBe('current'); // 61 days before
    expect(at('2027-01-14')).toBe('due_soon'); // 60 days before: the first reminder
    expect(at('2027-02-12')).toBe('due_soon'); // 31 days before
    expect(at('2027-02-13')).toBe('due'); // 30 days before
    expect(at('2027-03-15')).toBe('due');
    expect(at('2027-03-16')).toBe('overdue');
    expect(at('2027-04-14')).toBe('overdue'); // the 30th day of grace
    expect(at('2027-04-15')).toBe('lapsed');
    expect(lapsesOn(due, policy)).toBe('2027-04-15');
  });

  it('applies a changed policy to the same due date at once', () => {
    const strict: RecertPolicy = { ...policy, graceDays: 0 };
    expect(recertStatus(due, '2027-03-16', policy)).toBe('overdue');
    expect(recertStatus(due, '2027-03-16', strict)).toBe('lapsed');
  });
});

describe('the next certification after a pass', () => {
  const currentDue = '2027-03-15';

  it('keeps the anniversary for an early pass inside the window', () => {
    const anchor = nextAnchor('2027-02-01', currentDue, policy);
    expect(anchor).toBe(currentDue);
    expect(dueDate(anchor, policy)).toBe('2028-03-15');
  });

  it('starts a new anniversary on a pass before the window, or after the due date', () => {
    expect(nextAnchor('2026-10-01', currentDue, policy)).toBe('2026-10-01');
    expect(nextAnchor('2027-04-02', currentDue, policy)).toBe('2027-04-02');
  });

  it('is the day of the pass for a first certification', () => {
    expect(nextAnchor('2026-05-05', null, policy)).toBe('2026-05-05');
  });

  it('never leaves a person due within the window right after they passed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 120 }), (offset) => {
        const passedOn = addDays(currentDue, offset);
        const nextDue = dueDate(nextAnchor(passedOn, currentDue, policy), policy);
        expect(recertStatus(nextDue, passedOn, policy)).toBe('current');
      }),
    );
  });
});

describe('reminders', () => {
  const due = '2027-03-15';

  it('lists every reminder and overdue notice in date order', () => {
    expect(reminderSchedule(due, policy).map((r) => [r.offsetDays, r.on])).toEqual([
      [-60, '2027-01-14'],
      [-30, '2027-02-13'],
      [-14, '2027-03-01'],
      [-7, '2027-03-08'],
      [0, '2027-03-15'],
      [7, '2027-03-22'],
      [14, '2027-03-29'],
    ]);
  });

  it('drops duplicate offsets and notices after the lapse', () => {
    const odd: RecertPolicy = { ...policy, reminderDaysBefore: [7, 7, 0], overdueDaysAfter: [7, 45], graceDays: 30 };
    expect(reminderSchedule(due, odd).map((r) => r.offsetDays)).toEqual([-7, 0, 7]);
  });

  it('owes only the newest reminder after days with no run', () => {
    expect(reminderOwed(due, '2027-01-13', policy)).toBeNull();
    expect(reminderOwed(due, '2027-03-03', policy)).toMatchObject({ offsetDays: -14 });
    expect(reminderOwed(due, '2027-04-05', policy)).toMatchObject({ offsetDays: 14, kind: 'overdue' });
  });

  it('owes nothing more once the person has lapsed', () => {
    expect(reminderOwed(due, lapsesOn(due, policy), policy)).toBeNull();
    expect(reminderOwed(due, addDays(lapsesOn(due, policy), -1), policy)).toMatchObject({ offsetDays: 14 });
  });

  it('gives the same answer as ranges of due dates (the SQL of the daily run), day by day across a leap day and policies', () => {
    const policies: RecertPolicy[] = [
      policy,
      { ...policy, reminderDaysBefore: [30, 0], overdueDaysAfter: [], graceDays: 10 },
      { ...policy, reminderDaysBefore: [90, 45, 1], overdueDaysAfter: [1, 20, 40], graceDays: 20 },
      { ...policy, reminderDaysBefore: [], overdueDaysAfter: [3], graceDays: 0 },
    ];
    for (const p of policies) {
      for (let day = 0; day < 120; day += 3) {
        const today = addDays('2028-01-15', day);
        const ranges = owedRanges(today, p);
        for (let d = -130; d <= 130; d += 1) {
          const dueOn = addDays(today, d);
          const owed = reminderOwed(dueOn, today, p);
          const hits = ranges.filter((r) => r.dueFrom <= dueOn && dueOn <= r.dueTo).map((r) => r.offsetDays);
          expect([dueOn, today, hits]).toEqual([dueOn, today, owed ? [owed.offsetDays] : []]);
        }
      }
    }
  });

  it('sends each reminder once, in order, when a run happens every day for a year', () => {
    const sent: number[] = [];
    for (let day = 0; day < 400; day += 1) {
      const today = addDays('2026-06-01', day);
      const owed = reminderOwed(due, today, policy);
      if (owed && !sent.includes(owed.offsetDays)) sent.push(owed.offsetDays);
    }
    expect(sent).toEqual([-60, -30, -14, -7, 0, 7, 14]);
  });
});

describe('policy schema', () => {
  it('accepts the defaults and refuses a negative grace period with a sentence', () => {
    expect(recertPolicy.safeParse(DEFAULT_RECERT_POLICY).success).toBe(true);
    const bad = recertPolicy.safeParse({ ...DEFAULT_RECERT_POLICY, graceDays: -1 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('The grace period cannot be negative.');
  });
});
