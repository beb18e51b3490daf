import { AppError } from '../../../shared/app-error';
import { addDays } from '../../../shared/calendar-date';
import type { ReportFilters, ReportId, ReportResult } from '../../../shared/domain/reports';
import { reportDefinition, type ReportDefinition } from '../../../shared/reports';
import { getAgency } from '../agencies/agencies.repo';
import { listAccessLevels } from '../access-levels/access-levels.repo';
import type { CoreContext } from '../context';
import { REPORT_QUERIES } from './report-queries';
import type { Exec } from './report-query';

/** Refuses a filter the report cannot apply, rather than printing a heading that claims it did. */
function checkFilters(def: ReportDefinition, f: ReportFilters): void {
  if ((f.from || f.to) && !def.filters.includes('dateRange')) throw new AppError('invalid', `The ${def.title} report has no date range: it counts as of today. Leave out the dates.`, [{ field: 'filters.from', message: 'This report has no date range.' }]);
  if (f.agencyId !== undefined && !def.filters.includes('agency')) throw new AppError('invalid', `The ${def.title} report cannot be limited to one agency.`, [{ field: 'filters.agencyId', message: 'This report has no agency filter.' }]);
  if (f.accessLevelId !== undefined && !def.filters.includes('accessLevel')) throw new AppError('invalid', `The ${def.title} report cannot be limited to one access level.`, [{ field: 'filters.accessLevelId', message: 'This report has no access level filter.' }]);
}

/** The definition's default range (activity: the last 30 days) where no date was given. */
export function effectiveFilters(def: ReportDefinition, f: ReportFilters, today: string): ReportFilters {
  if (!def.defaultRangeDays || f.from || f.to) return f;
  return { ...f, from: addDays(today, 1 - def.defaultRangeDays), to: today };
}

/** The filters as the printed heading says them; unknown ids are refused with a sentence. */
async function filterWords(ctx: CoreContext, def: ReportDefinition, f: ReportFilters): Promise<string[]> {
  const words: string[] = [];
  if (f.agencyId !== undefined) {
    const agency = await getAgency(ctx.db, f.agencyId);
    if (!agency) throw new AppError('not_found', `There is no agency number ${f.agencyId}; it may have been merged or removed. Choose the agency again.`);
    words.push(`Agency: ${agency.name}`);
  }
  if (f.accessLevelId !== undefined) {
    const level = (await listAccessLevels(ctx.db)).find((l) => l.id === f.accessLevelId);
    if (!level) throw new AppError('not_found', `There is no access level number ${f.accessLevelId}. Choose the access level again.`);
    words.push(`Access level: ${level.name}`);
  }
  const means = def.dateRangeMeans ?? 'Dates';
  if (f.from && f.to) words.push(`${means} ${f.from} to ${f.to}`);
  else if (f.from) words.push(`${means} on or after ${f.from}`);
  else if (f.to) words.push(`${means} on or before ${f.to}`);
  return words;
}

export const kyselyExec =
  (ctx: CoreContext): Exec =>
  async (query) =>
    (await query.execute(ctx.db)).rows;

/** One run of a report: its definition's filters checked, its query run, its heading words. */
export async function runReport(ctx: CoreContext, id: ReportId, filters: ReportFilters, rowLimit: number, exec: Exec = kyselyExec(ctx)): Promise<ReportResult> {
  const def = reportDefinition(id);
  checkFilters(def, filters);
  const today = ctx.clock.today();
  const f = effectiveFilters(def, filters, today);
  const [words, parts] = await Promise.all([filterWords(ctx, def, f), REPORT_QUERIES[id](exec, { filters: f, today, rowLimit })]);
  return { id, title: def.title, generatedAt: ctx.clock.now().toISOString(), today, filters: f, filterWords: words, ...parts };
}
