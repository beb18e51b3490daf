import type { Handlers } from '../../../shared/contract';
import type { reportCalls } from '../../../shared/contract/reports';
import type { CoreContext } from '../context';
import type { ReportsDeps } from './report-deps';
import { createReportsService } from './reports-service';

/** Reports' share of the contract, spread into createCore's handlers. */
export function createReportsHandlers(ctx: CoreContext, deps: ReportsDeps): Pick<Handlers, keyof typeof reportCalls> {
  const reports = createReportsService(ctx, deps);
  return {
    'reports.run': (input) => reports.run(input),
    'reports.export': (input) => reports.exportFile(input),
    'reports.html': (input) => reports.html(input),
    'reports.pdf': (input) => reports.pdf(input),
    'reports.agencyPacks': (input) => reports.agencyPacks(input),
  };
}
