import type { ReportId } from '../domain/reports';
import { activityReport } from './activity';
import { complianceReport } from './compliance';
import type { ReportDefinition } from './definition';
import { pendingReport } from './pending';
import { statusReport } from './status';
import { trainingReport } from './training';

/** Every report, in the order the Reports page lists them. */
export const REPORTS: Record<ReportId, ReportDefinition> = {
  status: statusReport,
  compliance: complianceReport,
  pending: pendingReport,
  training: trainingReport,
  activity: activityReport,
};

export function reportDefinition(id: ReportId): ReportDefinition {
  return REPORTS[id];
}

export * from './definition';
