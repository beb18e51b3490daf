import { AppError } from '../../../shared/app-error';
import type { Output, ParsedInput } from '../../../shared/contract';
import type { CoreContext } from '../context';

export interface ReportsDeps {
  placeholder?: never;
}

const notYet = () => new AppError('internal', 'Reports are being built; this call is not ready yet.');

export function createReportsService(_ctx: CoreContext, _deps: ReportsDeps) {
  return {
    run: (_input: ParsedInput<'reports.run'>): Promise<Output<'reports.run'>> => Promise.reject(notYet()),
    exportFile: (_input: ParsedInput<'reports.export'>): Promise<Output<'reports.export'>> => Promise.reject(notYet()),
    html: (_input: ParsedInput<'reports.html'>): Promise<Output<'reports.html'>> => Promise.reject(notYet()),
    pdf: (_input: ParsedInput<'reports.pdf'>): Promise<Output<'reports.pdf'>> => Promise.reject(notYet()),
    agencyPacks: (_input: ParsedInput<'reports.agencyPacks'>): Promise<Output<'reports.agencyPacks'>> => Promise.reject(notYet()),
  };
}
