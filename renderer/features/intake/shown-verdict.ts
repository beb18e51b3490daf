import type { ImportPreview, PreviewRow, RowVerdict } from '../../../shared/domain/intake';

/**
 * What a row will do with the agencies ticked now. The core's preview judges a row with an agency
 * not on the list as new (or an update), but the import refuses it unless that agency is added:
 * such a row is shown as waiting for its agency, never as "new".
 */
export type ShownVerdict = RowVerdict | 'needs_agency';

export function shownVerdict(row: Pick<PreviewRow, 'verdict' | 'newAgency'>, createAgencies: readonly string[]): ShownVerdict {
  const writes = row.verdict === 'new' || row.verdict === 'update';
  const agency = row.newAgency?.toLowerCase();
  return writes && agency && !createAgencies.some((name) => name.toLowerCase() === agency) ? 'needs_agency' : row.verdict;
}

/** The preview's counts with the ticked agencies taken into account. */
export function shownCounts(preview: Pick<ImportPreview, 'rows' | 'counts'>, createAgencies: readonly string[]): Partial<Record<ShownVerdict, number>> {
  const counts: Partial<Record<ShownVerdict, number>> = { ...preview.counts };
  for (const row of preview.rows) {
    if (shownVerdict(row, createAgencies) !== 'needs_agency') continue;
    counts[row.verdict] = (counts[row.verdict] ?? 0) - 1;
    counts.needs_agency = (counts.needs_agency ?? 0) + 1;
  }
  return counts;
}

export const SHOWN_VERDICT_COLORS: Partial<Record<ShownVerdict, string>> = { needs_agency: 'orange' };
export const SHOWN_VERDICT_WORDS: Partial<Record<ShownVerdict, string>> = { needs_agency: 'Needs agency' };
export const NEEDS_AGENCY_TITLE = 'Not imported unless its agency is added above';
