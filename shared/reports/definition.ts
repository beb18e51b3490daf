import type { ReportId } from '../domain/reports';

/**
 * A report, declared once. The screen lays out its sections and chart from this, the printed page
 * and the exports write the same columns in the same order, the CLI lists the same ids. Adding a
 * report is one definition file here (listed in index.ts) and one query in electron/core/reports.
 */
export type ColumnKind = 'text' | 'number' | 'percent' | 'date' | 'days';

export interface ColumnDef {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Width hint in characters: XLSX column width, and the printed column's share of the page. */
  width: number;
}

export interface SectionDef {
  key: string;
  title: string;
  /** Shown when the section has no rows ("Nobody is waiting for documents."). */
  empty: string;
  columns: readonly ColumnDef[];
  /** Printed rows are grouped under a sub-heading whenever this column's value changes (e.g. the stage). */
  groupBy?: string;
}

export interface ChartSeries {
  key: string;
  label: string;
  /** A Mantine colour name (`teal.6`); the printed SVG maps it to the same hue. */
  color: string;
}

export interface ChartDef {
  /** funnel: one bar per step, widest first; bars: one group per label; stacked: the series stacked. */
  kind: 'funnel' | 'bars' | 'stacked';
  title: string;
  series: readonly ChartSeries[];
  /** The unit of the values, for axis and tooltip ("people", "%"). */
  unit: string;
}

export type FilterName = 'dateRange' | 'agency' | 'accessLevel';

export interface TotalDef {
  key: string;
  label: string;
  kind: 'number' | 'percent';
}

export interface ReportDefinition {
  id: ReportId;
  title: string;
  /** One sentence under the title on screen and on paper. */
  description: string;
  filters: readonly FilterName[];
  /** What the date range applies to, in words for the filter's label ("Registered"). */
  dateRangeMeans: string | null;
  /** With no dates given, the range is the last this many days up to today (the audit log grows without end). */
  defaultRangeDays?: number;
  totals: readonly TotalDef[];
  sections: readonly SectionDef[];
  chart: ChartDef | null;
  /** Printed landscape: the widest section does not fit a portrait Letter page. */
  landscape: boolean;
}

/** Keeps each definition's literal types while checking its shape. */
export const defineReport = (definition: ReportDefinition): ReportDefinition => definition;

export const col = (key: string, header: string, kind: ColumnKind, width: number): ColumnDef => ({ key, header, kind, width });
