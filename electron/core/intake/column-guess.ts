import synonyms from '../../../resources/intake/column-synonyms.json' with { type: 'json' };
import type { ImportField } from '../../../shared/domain/intake';
import { headerKey } from './text-keys';

export interface FieldRule {
  exact: string[];
  words: string[][];
  exclude: string[];
}

const RULES = Object.entries(synonyms.fields) as [ImportField, FieldRule][];

/**
 * How well a header names a field. An exact phrase beats a header that merely contains the words,
 * and a longer phrase beats a shorter one, so "New User Email" wins Email over "Email Address".
 */
function score(key: string, rule: FieldRule): number {
  const words = new Set(key.split(' '));
  if (rule.exclude.some((w) => words.has(w))) return 0;
  const exact = rule.exact.find((phrase) => phrase === key);
  if (exact) return 100 + exact.split(' ').length;
  const set = rule.words.find((all) => all.every((w) => words.has(w)));
  return set ? 10 + set.length : 0;
}

/**
 * One field per column at most and one column per field, best matches first; columns nothing
 * fits stay unmapped for the user. Shared by intake and the roster check, each with its own rules.
 */
export function guessFields<F extends string>(headers: readonly string[], rules: readonly [F, FieldRule][]): (F | null)[] {
  const candidates: { column: number; field: F; score: number }[] = [];
  headers.forEach((header, column) => {
    const key = headerKey(header);
    if (!key) return;
    for (const [field, rule] of rules) {
      const s = score(key, rule);
      if (s > 0) candidates.push({ column, field, score: s });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const result: (F | null)[] = headers.map(() => null);
  const taken = new Set<F>();
  for (const c of candidates) {
    if (result[c.column] !== null || taken.has(c.field)) continue;
    result[c.column] = c.field;
    taken.add(c.field);
  }
  return result;
}

/** Intake's guess; a full-name column is dropped when first and last name exist. */
export function guessColumns(headers: readonly string[]): (ImportField | null)[] {
  const result = guessFields(headers, RULES);
  if (result.includes('fullName') && (result.includes('firstName') || result.includes('lastName'))) {
    return result.map((f) => (f === 'fullName' ? null : f));
  }
  return result;
}
