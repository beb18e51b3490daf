import type { ImportResult } from '../../../shared/domain/intake';
import type { JudgedRow } from './judge-rows';

interface Finish {
  agenciesCreated: string[];
  batchId: number | null;
  dryRun: boolean;
  fileName: string;
  previous: { at: string; operator: string } | undefined;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Sorts judged rows into what is written and what is reported, and words the outcome. */
export function summarize(judged: readonly JudgedRow[], actionFor: (row: number) => 'update' | 'skip') {
  const newRows = judged.filter((j) => j.verdict === 'new');
  const updates = judged.filter((j) => j.verdict === 'update');
  const updateRows = updates.filter((j) => actionFor(j.row) === 'update');
  const invalid = judged.flatMap((j) => (j.verdict === 'invalid' ? j.problems.map((p) => ({ row: j.row, field: p.field, reason: p.reason })) : []));
  const count = (verdict: JudgedRow['verdict']) => judged.filter((j) => j.verdict === verdict).length;
  const counts = {
    imported: newRows.length,
    updated: updateRows.length,
    duplicates: count('duplicate') + (updates.length - updateRows.length),
    unchanged: count('unchanged'),
    alreadyImported: count('already_imported'),
    invalidRows: count('invalid'),
  };
  const possibleDuplicates = newRows.filter((j) => j.possibleDuplicates.length > 0).length;

  function message(f: Finish): string {
    const problems = counts.invalidRows ? ` ${plural(counts.invalidRows, 'row has', 'rows have')} problems and ${counts.invalidRows === 1 ? 'was' : 'were'} not imported.` : '';
    const written = counts.imported + counts.updated;
    if (f.dryRun) return `Dry run: ${plural(counts.imported, 'new person', 'new people')} and ${plural(counts.updated, 'update', 'updates')} would be written; nothing was changed.${problems}`;
    if (written === 0 && f.previous) return `${f.fileName} was already imported on ${f.previous.at.slice(0, 10)} by ${f.previous.operator}: nothing changed.${problems}`;
    if (written === 0) return `Nothing to import from ${f.fileName}: every row is already on the list, repeats another row, or has a problem.${problems}`;
    const done = [counts.imported && `imported ${plural(counts.imported, 'new person', 'new people')}`, counts.updated && `updated ${plural(counts.updated, 'person', 'people')}`].filter(Boolean).join(' and ');
    const before = counts.alreadyImported ? ` ${plural(counts.alreadyImported, 'row was', 'rows were')} imported before.` : '';
    return `${done.charAt(0).toUpperCase()}${done.slice(1)} from ${f.fileName}.${before}${problems}`;
  }

  return {
    newRows,
    updateRows,
    counts,
    result: (f: Finish): ImportResult => ({
      imported: counts.imported,
      updated: counts.updated,
      duplicates: counts.duplicates,
      unchanged: counts.unchanged,
      alreadyImported: counts.alreadyImported,
      invalid,
      agenciesCreated: f.agenciesCreated,
      possibleDuplicates,
      batchId: f.dryRun ? null : f.batchId,
      dryRun: f.dryRun,
      message: message(f),
    }),
  };
}
