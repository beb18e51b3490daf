import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ftsPrefixQuery } from './search-terms';

describe('ftsPrefixQuery', () => {
  it('makes every typed word a quoted prefix, in lower case', () => {
    expect(ftsPrefixQuery('Maria  GAR')).toBe('"maria"* "gar"*');
    expect(ftsPrefixQuery('jane.doe@river')).toBe('"jane"* "doe"* "river"*');
    expect(ftsPrefixQuery('Chávez')).toBe('"chávez"*');
  });

  it('has nothing to search for in punctuation alone', () => {
    expect(ftsPrefixQuery(' @.- ')).toBeNull();
  });

  it('never lets typed text become FTS5 syntax', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (typed) => {
        const query = ftsPrefixQuery(typed);
        if (query === null) return;
        for (const term of query.split(' ')) expect(term).toMatch(/^"[\p{L}\p{N}]+"\*$/u);
      }),
    );
  });
});
