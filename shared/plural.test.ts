import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(plural(1, 'person', 'people')).toBe('1 person');
    expect(plural(3, 'person', 'people')).toBe('3 people');
    expect(plural(0, 'result email', 'result emails')).toBe('0 result emails');
  });

  it('groups thousands as an English reader expects', () => {
    expect(plural(12500, 'attempt', 'attempts')).toBe('12,500 attempts');
  });
});
