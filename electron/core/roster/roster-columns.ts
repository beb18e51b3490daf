import synonyms from '../../../resources/roster/column-synonyms.json' with { type: 'json' };
import { AppError } from '../../../shared/app-error';
import { ROSTER_FIELD_LABELS, type RosterColumn, type RosterField } from '../../../shared/domain/roster';
import { guessFields, type FieldRule } from '../intake/column-guess';
import type { Table } from '../intake/read-table';
import { cleanCell } from '../intake/text-keys';

const RULES = Object.entries(synonyms.fields) as [RosterField, FieldRule][];

/** Intake's guess with the roster's rules; a full name gives way to first + last. */
export function guessRosterColumns(headers: readonly string[]): (RosterField | null)[] {
  const result = guessFields(headers, RULES);
  if (result.includes('fullName') && result.includes('firstName') && result.includes('lastName')) return result.map((f) => (f === 'fullName' ? null : f));
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
