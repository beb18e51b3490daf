import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from './wire';

describe('wire encoding', () => {
  it('carries bytes anywhere in the input unchanged', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), fc.string(), (bytes, fileName) => {
        const back = decodeWire(encodeWire({ fileName, bytes, nested: [{ bytes }] })) as { fileName: string; bytes: Uint8Array; nested: { bytes: Uint8Array }[] };
        expect(back.fileName).toBe(fileName);
        expect(back.bytes).toEqual(bytes);
        expect(back.nested[0]?.bytes).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
  });

  it('leaves ordinary objects that happen to have a $bytes key among others alone', () => {
    expect(decodeWire(encodeWire({ $bytes: 'x', other: 1 }))).toEqual({ $bytes: 'x', other: 1 });
  });
});
