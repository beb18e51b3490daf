import type { CellValue, ReportResult } from '../../../shared/domain/reports';
import type { ColumnKind, ReportDefinition, SectionDef, TotalDef } from '../../../shared/reports';
import { formatDate } from '../people/format';

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A percent as the core computes it (0–100), "87.5%". */
export const formatPercent = (value: number): string => `${oneDecimal.format(value)}%`;

/** A cell as a person reads it, by its column's kind; an empty cell is a dash, never "null". */
export function formatCell(kind: ColumnKind, value: CellValue | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return kind === 'date' ? formatDate(value) : value;
  if (kind === 'percent') return formatPercent(value);
  return whole.format(value);
}

export function formatTotal(total: TotalDef, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return total.kind === 'percent' ? formatPercent(value) : whole.format(value);
}

/** Numbers line up on the right, as in a spreadsheet. */
export const alignOf = (kind: ColumnKind): 'left' | 'right' => (kind === 'text' || kind === 'date' ? 'left' : 'right');

/** Rows under a sub-heading each time the grouping column changes (the rows come sorted by it). */
export function groupRows<T extends Record<string, CellValue>>(rows: readonly T[], groupBy: string | undefined): { group: string | null; rows: T[] }[] {
  if (!groupBy) return [{ group: null, rows: [...rows] }];
  const groups: { group: string | null; rows: T[] }[] = [];
  for (const row of rows) {
    const group = String(row[groupBy] ?? '—');
    const last = groups.at(-1);
    if (last && last.group === group) last.rows.push(row);
    else groups.push({ group, rows: [row] });
  }
  return groups;
}

/** The columns a section shows: the grouping column moves into the sub-headings. */
export const shownColumns = (section: SectionDef) => section.columns.filter((c) => c.key !== section.groupBy);

/**
 * True when the report has nothing to show: a new office, or filters that match nobody. The
 * headline numbers decide (a "by stage" table lists every stage even at zero); a report without
 * them is empty when no section has a row.
 */
export function isEmptyResult(result: ReportResult): boolean {
  const totals = Object.values(result.totals);
  if (totals.length) return totals.every((v) => !v);
  return result.sections.every((s) => s.total === 0);
}

/** "People onboarding: 500 of 1,204 shown" for each section the row limit cut, for the printed heading. */
export function cutSections(definition: ReportDefinition, result: ReportResult): string[] {
  return result.sections
    .filter((s) => s.total > s.rows.length)
    .map((s) => `${definition.sections.find((d) => d.key === s.key)?.title ?? s.key}: ${whole.format(s.rows.length)} of ${whole.format(s.total)} shown`);
}

/** The chart's points as Mantine charts want them: one object per label with a number per series. */
export function chartRows(result: ReportResult): Record<string, string | number>[] {
  return (result.chart ?? []).map((d) => ({ label: d.label, ...d.values }));
}
