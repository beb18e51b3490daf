import { sql, type RawBuilder } from 'kysely';
import type { ReportFilters } from '../../../shared/domain/reports';

/** `AND …` for the agency and access level filters on the person `p`; empty when neither is set. */
export function personFilter(f: ReportFilters): RawBuilder<unknown> {
  const parts = [f.agencyId === undefined ? null : sql`p.agency_id = ${f.agencyId}`, f.accessLevelId === undefined ? null : sql`p.access_level_id = ${f.accessLevelId}`].filter((p) => p !== null);
  return parts.length ? sql`AND ${sql.join(parts, sql` AND `)}` : sql``;
}

/** `AND column BETWEEN from AND to` on a date or instant column (an instant's date is its first ten characters). */
export function dateFilter(column: RawBuilder<unknown>, f: ReportFilters): RawBuilder<unknown> {
  // Instants compare as text: `to` takes the whole day by comparing against the next character after the date.
  const from = f.from === undefined ? sql`` : sql`AND ${column} >= ${f.from}`;
  const to = f.to === undefined ? sql`` : sql`AND ${column} < ${`${f.to}~`}`;
  return sql`${from} ${to}`;
}
