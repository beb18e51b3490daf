import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries from the contract's zod schemas (zod 4's `_zod.def`), so every call gets
 * inputs of its own shape without a list kept by hand: most are near the schema (some pass it,
 * many miss it by one rule), and `hostileInput` adds wrong types and oversized values.
 * The kinds below are the ones the contract uses; an unknown kind yields arbitrary JSON.
 */
type Def = { type: string; [key: string]: unknown };
type Check = { _zod: { def: { check: string; [key: string]: unknown } } };

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): Check['_zod']['def'][] => ((def.checks as Check[] | undefined) ?? []).map((c) => c._zod.def);

/** Ids that exist (rows 1–3 are made by the suite's setup) and ones that do not. */
const plausibleInt = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: -3, max: 3 }), fc.integer(), fc.constantFrom(0, 2 ** 31, Number.MAX_SAFE_INTEGER));
const plausibleText = fc.constantFrom('Maria', "O'Brien", 'maria.lopez@rivercity.example.org', '2026-11-30', '2026-11-30T15:00:00.000Z', 'Read Only', '=HYPERLINK("http://x")', '<script>alert(1)</script>', '../../etc/passwd', 'C:\\Windows\\win.ini', '\u0000', '💥');

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  let min = 0;
  let max = 60;
  let pattern: RegExp | null = null;
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') min = check.minimum as number;
    if (check.check === 'max_length') max = check.maximum as number;
    if (check.check === 'string_format' && check.pattern instanceof RegExp) pattern = check.pattern;
  }
  const sized = fc.string({ minLength: Math.min(min, 200), maxLength: Math.max(Math.min(max, 80), Math.min(min, 200)) });
  const options: fc.Arbitrary<string>[] = [sized, plausibleText, fc.constant('x'.repeat(Math.min(max + 1, 100_000)))];
  // fast-check builds strings only for flag-free patterns; a case-insensitive one is used as written.
  if (pattern) options.push(fc.stringMatching(new RegExp(pattern.source)).filter((s) => s.length <= 200));
  return fc.oneof(...options);
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const integer = checks.some((c) => c.check === 'number_format');
  const low = checks.find((c) => c.check === 'greater_than')?.value as number | undefined;
  const high = checks.find((c) => c.check === 'less_than')?.value as number | undefined;
  const inRange = integer
    ? fc.integer({ min: Math.max(low ?? -1000, -1e9), max: Math.min(high ?? 1000, 1e9) })
    : fc.double({ min: low ?? -1e6, max: high ?? 1e6, noNaN: true });
  return fc.oneof(inRange, integer ? plausibleInt : fc.double({ noNaN: true }));
}

function sizeOf(def: Def): { minLength: number; maxLength: number } {
  let minLength = 0;
  let maxLength = 4;
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') minLength = Math.min(check.minimum as number, 4);
    if (check.check === 'max_length') maxLength = Math.min(check.maximum as number, 4);
  }
  return { minLength, maxLength: Math.max(minLength, maxLength) };
}

export function arbitraryFor(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 10) return fc.constant(null);
  const def = defOf(schema);
  const inner = (s: unknown) => arbitraryFor(s as z.ZodType, depth + 1);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, inner(value)])));
    }
    case 'string':
      return stringArbitrary(def);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'array':
      return fc.array(inner(def.element), sizeOf(def));
    case 'tuple':
      return fc.tuple(...(def.items as z.ZodType[]).map(inner));
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 12 }), inner(def.valueType), { maxKeys: 3 });
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map(inner));
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null, freq: 3 });
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'custom':
      // The contract's one custom kind is bytes (a file): random ones, a PDF header, a zip header.
      return fc.oneof(
        fc.uint8Array({ maxLength: 2048 }),
        fc.uint8Array({ maxLength: 512 }).map((tail) => new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...tail])),
        fc.uint8Array({ maxLength: 512 }).map((tail) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail])),
      );
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values of the wrong type, or of absurd size, for any place in an input. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, '', [], {}),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.constant('A'.repeat(300_000)),
  fc.constant(Array.from({ length: 20_000 }, (_, i) => i)),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown),
  fc.constant(nested(500)),
  fc.jsonValue({ maxDepth: 3 }),
);

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
}

/** A call's inputs: near its schema, the schema with one field made hostile, or hostile whole. */
export function hostileInput(schema: z.ZodType): fc.Arbitrary<unknown> {
  const shaped = arbitraryFor(schema);
  const def = defOf(schema);
  const objectDef = def.type === 'object' ? def : def.type === 'default' || def.type === 'optional' ? defOf(def.innerType) : null;
  const keys = objectDef?.type === 'object' ? Object.keys(objectDef.shape as object) : [];
  const oneFieldWrong =
    keys.length > 0
      ? fc.tuple(shaped, fc.constantFrom(...keys, '__proto__', 'unexpectedField'), hostileValue).map(([value, key, bad]) => ({ ...(value as object), [key]: bad }))
      : hostileValue;
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 3, arbitrary: oneFieldWrong }, { weight: 1, arbitrary: hostileValue });
}
