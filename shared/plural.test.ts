import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('uses the singular for exactly one', () => {
    expect(plural(1, 'person', 'people')).toBe('1 person');
  });

  it('uses the plural for zero, several and fractions', () => {
    expect(plural(0, 'email', 'emails')).toBe('0 emails');
    expect(plural(3, 'person', 'people')).toBe('3 people');
    expect(plural(1.5, 'day', 'days')).toBe('1.5 days');
  });

  it('groups thousands as the office reads them', () => {
    expect(plural(1204, 'row', 'rows')).toBe('1,204 rows');
  });
});
