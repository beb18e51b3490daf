import { describe, expect, it } from 'vitest';
import { rangeWords } from './range-words';

describe('rangeWords', () => {
  it('says "all" when every row is on paper, and which page when not', () => {
    expect(rangeWords(0, 12, 12, 'message', 'messages')).toBe('All 12 messages');
    expect(rangeWords(0, 1, 1, 'message', 'messages')).toBe('1 message');
    expect(rangeWords(50, 50, 1240, 'message', 'messages')).toBe('Messages 51–100 of 1,240 (the page on screen)');
    expect(rangeWords(0, 0, 0, 'account', 'accounts')).toBe('No accounts');
  });
});
