import { describe, expect, it } from 'vitest';
import { nextStamp } from './stamps';

describe('nextStamp', () => {
  it('is now when the clock has moved past the old stamp', () => {
    expect(nextStamp('2026-11-29T09:30:00.000Z', '2026-11-28T15:00:00.000Z')).toBe('2026-11-29T09:30:00.000Z');
  });

  it('moves one millisecond past the old stamp in the same millisecond or with a clock set back', () => {
    expect(nextStamp('2026-11-28T15:00:00.000Z', '2026-11-28T15:00:00.000Z')).toBe('2026-11-28T15:00:00.001Z');
    expect(nextStamp('2026-11-28T14:00:00.000Z', '2026-11-28T15:00:00.004Z')).toBe('2026-11-28T15:00:00.005Z');
  });
});
