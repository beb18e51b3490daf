import { describe, expect, it } from 'vitest';
import { optionalText, trimmed } from './common';

describe('text fields', () => {
  it('refuse a NUL character with a sentence (SQLite would read the text as cut short there)', () => {
    const reason = trimmed('reason', 500).safeParse('\u0000');
    expect(reason.success).toBe(false);
    expect(reason.error?.issues[0]?.message).toBe('The reason contains an invisible NUL character, which cannot be saved. Type it again instead of pasting it.');
    expect(optionalText('note', 100).safeParse('ok\u0000then').success).toBe(false);
    expect(trimmed('reason', 500).parse('  Took it twice  ')).toBe('Took it twice');
    expect(optionalText('note', 100).parse('')).toBeNull();
  });
});
