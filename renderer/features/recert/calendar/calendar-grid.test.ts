import { describe, expect, it } from 'vitest';
import { bucketTitle, countIn, dayLabel, focusDayIn, heatLevel, heatSteps, monthRange, monthsBetween, monthTitle, monthWeeks, moveDay, relativeDays, shiftMonth, weekBuckets } from './calendar-grid';

describe('monthWeeks', () => {
  it('lays December 2026 out Sunday to Saturday, from Nov 29 to Jan 2', () => {
    const weeks = monthWeeks('2026-12');
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05']);
    expect(weeks.at(-1)?.at(-1)).toBe('2027-01-02');
  });

  it('needs six weeks for a month that starts on a Saturday and four for February 2026', () => {
    expect(monthWeeks('2027-05')).toHaveLength(6);
    expect(monthWeeks('2027-05')[0]?.[6]).toBe('2027-05-01');
    expect(monthWeeks('2026-02')).toHaveLength(4);
    expect(monthWeeks('2026-02')[0]?.[0]).toBe('2026-02-01');
  });

  it('holds February 29 in a leap year and every day of the month exactly once', () => {
    const days = monthWeeks('2028-02').flat().filter((d) => d.startsWith('2028-02'));
    expect(days).toHaveLength(29);
    expect(new Set(days).size).toBe(29);
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});

describe('months', () => {
  it('steps across years and names the month', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(shiftMonth('2026-03', -15)).toBe('2024-12');
    expect(monthTitle('2026-12')).toBe('December 2026');
    expect(monthsBetween('2026-11-28', '2027-02-25')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('heat map', () => {
  it('gives nobody level 0, the busiest day of a busy month the top level, and a quiet month pale steps', () => {
    expect(heatLevel(0, 12)).toBe(0);
    expect(heatLevel(1, 12)).toBe(1);
    expect(heatLevel(12, 12)).toBe(4);
    expect(heatLevel(7, 12)).toBe(3);
    // A quiet month stays pale: one person on a day is not a busy day.
    expect(heatLevel(1, 1)).toBe(1);
    expect(heatLevel(2, 2)).toBe(2);
    expect(heatLevel(4, 4)).toBe(4);
  });

  it('has a legend whose steps cover 1 to the busiest day without gaps', () => {
    expect(heatSteps(12)).toEqual([
      { level: 1, from: 1, to: 3 },
      { level: 2, from: 4, to: 6 },
      { level: 3, from: 7, to: 9 },
      { level: 4, from: 10, to: 12 },
    ]);
    expect(heatSteps(2)).toEqual([
      { level: 1, from: 1, to: 1 },
      { level: 2, from: 2, to: 2 },
    ]);
    expect(heatSteps(1)).toEqual([{ level: 1, from: 1, to: 1 }]);
    expect(heatSteps(0)).toEqual([]);
    for (const max of [1, 2, 3, 5, 13, 250]) {
      const steps = heatSteps(max);
      for (let n = 1; n <= max; n += 1) expect(steps.find((s) => s.from <= n && n <= s.to)?.level, `${n} of ${max}`).toBe(heatLevel(n, max));
    }
  });

  it('names a day for a screen reader', () => {
    expect(dayLabel('2026-12-14', 12)).toBe('December 14: 12 people due');
    expect(dayLabel('2026-12-15', 1)).toBe('December 15: 1 person due');
    expect(dayLabel('2026-12-16', 0)).toBe('December 16: nobody due');
  });
});

describe('keyboard moves', () => {
  it('moves by day, week, to the week’s ends and by month', () => {
    expect(moveDay('2026-12-01', 'ArrowLeft')).toBe('2026-11-30');
    expect(moveDay('2026-12-31', 'ArrowRight')).toBe('2027-01-01');
    expect(moveDay('2026-12-03', 'ArrowUp')).toBe('2026-11-26');
    expect(moveDay('2026-12-30', 'ArrowDown')).toBe('2027-01-06');
    expect(moveDay('2026-12-16', 'Home')).toBe('2026-12-13');
    expect(moveDay('2026-12-16', 'End')).toBe('2026-12-19');
    expect(moveDay('2028-03-31', 'PageUp')).toBe('2028-02-29');
    expect(moveDay('2026-12-16', 'PageDown')).toBe('2027-01-16');
    expect(moveDay('2026-12-16', 'Enter')).toBeNull();
  });

  it('focuses the kept day, else today, else the 1st in a month', () => {
    expect(focusDayIn('2026-12', '2026-12-20', '2026-11-28')).toBe('2026-12-20');
    expect(focusDayIn('2026-11', '2026-12-20', '2026-11-28')).toBe('2026-11-28');
    expect(focusDayIn('2027-01', null, '2026-11-28')).toBe('2027-01-01');
  });
});

describe('the next 90 days', () => {
  it('are 13 buckets from today, the last one shorter, ending on day 90', () => {
    const buckets = weekBuckets('2026-11-28');
    expect(buckets).toHaveLength(13);
    expect(buckets[0]).toEqual({ from: '2026-11-28', to: '2026-12-04' });
    expect(buckets.at(-1)).toEqual({ from: '2027-02-20', to: '2027-02-25' });
    expect(bucketTitle(buckets[0]!)).toBe('Nov 28 – Dec 4');
  });

  it('count the people due inside a bucket only', () => {
    const days = [
      { date: '2026-11-27', count: 5 },
      { date: '2026-11-28', count: 2 },
      { date: '2026-12-04', count: 3 },
      { date: '2026-12-05', count: 7 },
    ];
    expect(countIn(days, { from: '2026-11-28', to: '2026-12-04' })).toBe(5);
  });

  it('say how far a date is from today', () => {
    expect(relativeDays('2026-11-28', '2026-11-28')).toBe('today');
    expect(relativeDays('2026-11-28', '2026-12-08')).toBe('in 10 days');
    expect(relativeDays('2026-11-28', '2026-11-18')).toBe('10 days ago');
  });
});
