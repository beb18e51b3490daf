import synonyms from '../../../resources/roster/column-synonyms.json' with { type: 'json' };
import { AppError } from '../../../shared/app-error';
import { ROSTER_FIELD_LABELS, type RosterColumn, type RosterField } from '../../../shared/domain/roster';
import type { Table } from '../intake/read-table';
import { cleanCell, headerKey } from '../intake/text-keys';

interface FieldRule {
  exact: string[];
  words: string[][];
  exclude: string[];
}

const RULES = Object.entries(synonyms.fields) as [RosterField, FieldRule][];

/** As intake's guess: an exact phrase beats a header that merely holds the words; longer beats shorter. */
function score(key: string, rule: FieldRule): number {
  const words = new Set(key.split(' '));
  if (rule.exclude.some((w) => words.has(w))) return 0;
  const exact = rule.exact.find((phrase) => phrase === key);
  if (exact) return 100 + exact.split(' ').length;
  const set = rule.words.find((all) => all.every((w) => words.has(w)));
  return set ? 10 + set.length : 0;
}

/** One field per column and one column per field, best first; a full name gives way to first+last. */
export function guessRosterColumns(headers: readonly string[]): (RosterField | null)[] {
  const candidates: { column: number; field: RosterField; score: number }[] = [];
  headers.forEach((header, column) => {
    const key = headerKey(header);
    if (!key) return;
    for (const [field, rule] of RULES) {
      const s = score(key, rule);
      if (s > 0) candidates.push({ column, field, score: s });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const result: (RosterField | null)[] = headers.map(() => null);
  const taken = new Set<RosterField>();
  for (const c of candidates) {
    if (result[c.column] !== null || taken.has(c.field)) continue;
    result[c.column] = c.field;
    taken.add(c.field);
  }
  if (taken.has('fullName') && taken.has('firstName') && taken.has('lastName')) return result.map((f) => (f === 'fullName' ? null : f));
  return result;
}

export interface ResolvedRosterColumns {
  fields: (RosterField | null)[];
  sources: RosterColumn['source'][];
}

export function resolveRosterColumns(headers: readonly string[], explicit?: readonly (RosterField | null)[]): ResolvedRosterColumns {
  if (explicit) return { fields: headers.map((_, i) => explicit[i] ?? null), sources: headers.map(() => 'user') };
  const fields = guessRosterColumns(headers);
  return { fields, sources: fields.map((f) => (f ? 'guess' : 'none')) };
}

const letter = (index: number): string => (index < 26 ? String.fromCharCode(65 + index) : letter(Math.floor(index / 26) - 1) + letter(index % 26));

/** A roster is matched by user name or email: without either column nothing can be checked. */
export function assertCheckable(fileName: string, headers: readonly string[], fields: readonly (RosterField | null)[]): void {
  const seen = new Map<RosterField, number>();
  fields.forEach((field, index) => {
    if (!field) return;
    const first = seen.get(field);
    if (first !== undefined) {
      throw new AppError('invalid', `Columns ${letter(first)} and ${letter(index)} are both mapped to ${ROSTER_FIELD_LABELS[field]}. Map only one of them.`, [
        { field: 'columns', message: `${ROSTER_FIELD_LABELS[field]} is mapped twice.` },
      ]);
    }
    seen.set(field, index);
  });
  if (seen.has('userName') || seen.has('email')) return;
  const found = headers.filter(Boolean).slice(0, 12).map((h) => `"${h}"`).join(', ') || 'none';
  throw new AppError(
    'invalid',
    `${fileName} has no user name or email column (found: ${found}). Export the HMIS user list with the user name and email, or map those columns by hand.`,
    [{ field: 'columns', message: 'No column holds the HMIS user name or the email.' }],
  );
}

export function describeRosterColumns(table: Table, resolved: ResolvedRosterColumns): RosterColumn[] {
  return table.headers.map((header, index) => {
    const samples: string[] = [];
    for (const row of table.rows.slice(0, 200)) {
      const value = cleanCell(row.cells[index] ?? '');
      if (value && !samples.includes(value)) samples.push(value);
      if (samples.length === 3) break;
    }
    return { index, header, field: resolved.fields[index] ?? null, source: resolved.sources[index] ?? 'none', samples };
  });
}
