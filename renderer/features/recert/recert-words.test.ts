import { describe, expect, it } from 'vitest';
import { certStatusOfStage, relativeDueWords } from './recert-words';

describe('relativeDueWords', () => {
  it('says how far the due date is, in days near it and months further out', () => {
    const today = '2026-11-28';
    expect(relativeDueWords('2026-11-28', today)).toBe('due today');
    expect(relativeDueWords('2026-11-29', today)).toBe('tomorrow');
    expect(relativeDueWords('2026-12-10', today)).toBe('in 12 days');
    expect(relativeDueWords('2027-01-26', today)).toBe('in 59 days');
    expect(relativeDueWords('2027-04-28', today)).toBe('in 5 months');
    expect(relativeDueWords('2026-11-27', today)).toBe('1 day overdue');
    expect(relativeDueWords('2026-11-19', today)).toBe('9 days overdue');
    expect(relativeDueWords('2026-08-28', today)).toBe('3 months overdue');
  });

  it('counts calendar days across a year end and a leap day', () => {
    expect(relativeDueWords('2028-01-02', '2027-12-31')).toBe('in 2 days');
    expect(relativeDueWords('2028-03-01', '2028-02-28')).toBe('in 2 days');
    expect(relativeDueWords('2028-02-28', '2028-03-01')).toBe('2 days overdue');
  });
});

describe('certStatusOfStage', () => {
  it('names the certification status of a certified person, and none before the first certification', () => {
    expect(certStatusOfStage('active', '2027-05-01')).toBe('current');
    expect(certStatusOfStage('recert_overdue', '2026-11-01')).toBe('overdue');
    expect(certStatusOfStage('deactivated', '2026-10-01')).toBe('deactivated');
    expect(certStatusOfStage('active', null)).toBeNull();
    expect(certStatusOfStage('training_sent', null)).toBeNull();
  });
});
