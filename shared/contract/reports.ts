import {
  agencyPacksInput,
  agencyPacksOutput,
  reportExportInput,
  reportFile,
  reportHtml,
  reportHtmlInput,
  reportPdf,
  reportResult,
  reportRunInput,
} from '../domain/reports';
import { call } from './define';

/**
 * Reports (issue 11). Each call takes a report id from shared/reports and its filters; the
 * definition there says which filters apply and which columns each section has.
 */
export const reportCalls = {
  /** One report's numbers: headline totals, each section's rows (up to `rowLimit`, with the full count), the chart's points. */
  'reports.run': call({ input: reportRunInput, output: reportResult }),
  /** The same report as CSV (sections one under another) or XLSX (a sheet a section); CSV cells neutralised against formulas. */
  'reports.export': call({ input: reportExportInput, output: reportFile }),
  /** The printable page: a whole HTML document (US Letter, office name, filters, repeated headers, charts as SVG). */
  'reports.html': call({ input: reportHtmlInput, output: reportHtml }),
  /** The printable page as a PDF, through Chromium's printer (Electron's, or Debian's /usr/bin/chromium), with "Page N of M". */
  'reports.pdf': call({ input: reportHtmlInput, output: reportPdf }),
  /** One PDF per agency (its compliance scorecard and its people's status) into a folder; optionally emailed to each agency's manager. */
  'reports.agencyPacks': call({ input: agencyPacksInput, output: agencyPacksOutput }),
};
