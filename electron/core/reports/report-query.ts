import type { RawBuilder } from 'kysely';
import type { ChartDatum, ReportFilters, ReportSection } from '../../../shared/domain/reports';

/**
 * Runs one statement and returns its rows. The core passes Kysely's executor (plain SELECTs go to
 * the read-only connection); the benchmark passes one that also records each compiled statement,
 * so it can time the very same SQL on bare better-sqlite3.
 */
export type Exec = <R>(query: RawBuilder<R>) => Promise<R[]>;

export interface ReportQueryInput {
  /** After the definition's defaults (activity: the last 30 days). */
  filters: ReportFilters;
  today: string;
  rowLimit: number;
}

/** What a report's query computes; the service adds the id, title, time and filters in words. */
export interface ReportParts {
  totals: Record<string, number | null>;
  sections: ReportSection[];
  chart: ChartDatum[] | null;
}

export type ReportQuery = (exec: Exec, q: ReportQueryInput) => Promise<ReportParts>;

/** Share of a whole as a percentage with one decimal; null when there is no whole. */
export const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
