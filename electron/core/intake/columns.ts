import { AppError } from '../../../shared/app-error';
import { IMPORT_FIELD_LABELS, REQUIRED_IMPORT_FIELDS, type ImportColumn, type ImportField, type SavedMapping } from '../../../shared/domain/intake';
import { guessColumns } from './column-guess';
import type { Table } from './table';
import { cleanCell, headerKey } from './text-keys';

export interface ResolvedColumns {
  fields: (ImportField | null)[];
  sources: ImportColumn['source'][];
}

/**
 * The field of each column: as the user set them; else from the saved mapping by header text,
 * guessing only headers the mapping has never seen; else guessed.
 */
export function resolveColumns(headers: readonly string[], explicit?: readonly (ImportField | null)[], saved?: SavedMapping): ResolvedColumns {
  if (explicit) return { fields: headers.map((_, i) => explicit[i] ?? null), sources: headers.map(() => 'user') };
  const guessed = guessColumns(headers);
  if (!saved) return { fields: guessed, sources: guessed.map((f) => (f ? 'guess' : 'none')) };
  const byHeader = new Map(saved.columns.map((c) => [headerKey(c.header), c.field]));
  const fields = headers.map((h, i) => (byHeader.has(headerKey(h)) ? (byHeader.get(headerKey(h)) ?? null) : (guessed[i] ?? null)));
  const taken = new Set(fields.filter((f, i) => f && byHeader.has(headerKey(headers[i] ?? ''))));
  // A guess must not take a field the saved mapping already gave to another column.
  const deduped = fields.map((f, i) => (f && !byHeader.has(headerKey(headers[i] ?? '')) && taken.has(f) ? null : f));
  return { fields: deduped, sources: headers.map((h) => (byHeader.has(headerKey(h)) ? 'mapping' : 'guess')) };
}

const letter = (index: number): string => (index < 26 ? String.fromCharCode(65 + index) : letter(Math.floor(index / 26) - 1) + letter(index % 26));

/** Refuses a mapping that cannot be imported at all: no known column, or one field on two columns. */
export function assertUsable(fileName: string, headers: readonly string[], fields: readonly (ImportField | null)[]): void {
  if (!fields.some((f) => f !== null)) {
    const found = headers.filter(Boolean).slice(0, 12).map((h) => `"${h}"`).join(', ') || 'none';
    throw new AppError(
      'invalid',
      `${fileName} has none of the expected columns (found: ${found}). Export the registrations with columns such as First name, Last name, Email, Agency and Access level, or map the columns by hand.`,
      [{ field: 'columns', message: 'No column could be matched to a registration field.' }],
    );
  }
  const seen = new Map<ImportField, number>();
  fields.forEach((field, index) => {
    if (!field) return;
    const first = seen.get(field);
    if (first !== undefined) {
      throw new AppError('invalid', `Columns ${letter(first)} and ${letter(index)} are both mapped to ${IMPORT_FIELD_LABELS[field]}. Map only one of them.`, [
        { field: 'columns', message: `${IMPORT_FIELD_LABELS[field]} is mapped twice.` },
      ]);
    }
    seen.set(field, index);
  });
}

/** Required fields no column holds; names count as held by first+last or by a full name. */
export function missingFields(fields: readonly (ImportField | null)[]): ImportField[] {
  const has = new Set(fields);
  const names: ImportField[] = has.has('fullName') ? [] : (['firstName', 'lastName'] as const).filter((f) => !has.has(f));
  return [...names, ...REQUIRED_IMPORT_FIELDS.filter((f) => !has.has(f))];
}

export function describeColumns(table: Table, resolved: ResolvedColumns): ImportColumn[] {
  return table.headers.map((header, index) => {
    const samples: string[] = [];
    // The first rows are enough to show what a column holds.
    for (const row of table.rows.slice(0, 200)) {
      const value = cleanCell(row.cells[index] ?? '');
      if (value && !samples.includes(value)) samples.push(value);
      if (samples.length === 3) break;
    }
    return { index, header, field: resolved.fields[index] ?? null, source: resolved.sources[index] ?? 'none', samples };
  });
}
