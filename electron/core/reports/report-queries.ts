import type { ReportId } from '../../../shared/domain/reports';
import { activityQuery } from './activity.repo';
import { complianceQuery } from './compliance.repo';
import { pendingQuery } from './pending-report.repo';
import type { ReportQuery } from './report-query';
import { statusQuery } from './status.repo';
import { trainingQuery } from './training-report.repo';

/** Each report's query, by the id of its definition in shared/reports. */
export const REPORT_QUERIES: Record<ReportId, ReportQuery> = {
  status: statusQuery,
  compliance: complianceQuery,
  pending: pendingQuery,
  training: trainingQuery,
  activity: activityQuery,
};
