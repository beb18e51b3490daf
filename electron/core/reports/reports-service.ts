import type { Output, ParsedInput } from '../../../shared/contract';
import type { ReportResult } from '../../../shared/domain/reports';
import { reportDefinition } from '../../../shared/reports';
import { renderReportHtml, reportPrintTemplates, type PrintMeta } from '../../../shared/reports/report-html';
import type { CoreContext } from '../context';
import { readMailSettings } from '../mail/settings/mail-settings-store';
import { createAgencyPacks } from './agency-packs';
import { pageCount, type ReportsDeps } from './report-deps';
import { dataRows, reportCsv, reportXlsx } from './report-spreadsheet';
import { runReport } from './run-report';

const CONTENT_TYPES = { csv: 'text/csv;charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

export const reportFileName = (result: Pick<ReportResult, 'id' | 'today'>, extension: string) => `hmis-${result.id}-report-${result.today}.${extension}`;

export function createReportsService(ctx: CoreContext, deps: ReportsDeps) {
  const meta = async (result: ReportResult): Promise<PrintMeta> => ({ officeName: (await readMailSettings(ctx.db)).officeName, operator: ctx.operator, generatedAt: result.generatedAt });

  async function page(input: ParsedInput<'reports.html'>): Promise<Output<'reports.html'>> {
    const def = reportDefinition(input.id);
    const result = await runReport(ctx, input.id, input.filters, input.rowLimit);
    const m = await meta(result);
    return { fileName: reportFileName(result, 'html'), html: renderReportHtml(def, result, m), landscape: def.landscape, ...reportPrintTemplates(def, result, m), rows: dataRows(result) };
  }

  return {
    run: (input: ParsedInput<'reports.run'>) => runReport(ctx, input.id, input.filters, input.rowLimit),

    async exportFile(input: ParsedInput<'reports.export'>): Promise<Output<'reports.export'>> {
      const def = reportDefinition(input.id);
      const result = await runReport(ctx, input.id, input.filters, input.rowLimit);
      const bytes = input.format === 'xlsx' ? await reportXlsx(def, result) : reportCsv(def, result);
      return { fileName: reportFileName(result, input.format), contentType: CONTENT_TYPES[input.format], bytes, rows: dataRows(result) };
    },

    html: page,

    async pdf(input: ParsedInput<'reports.pdf'>): Promise<Output<'reports.pdf'>> {
      const printable = await page(input);
      const bytes = await deps.printer.print(printable);
      return { fileName: printable.fileName.replace(/\.html$/, '.pdf'), contentType: CONTENT_TYPES.pdf, bytes, rows: printable.rows, pages: await pageCount(bytes) };
    },

    agencyPacks: createAgencyPacks(ctx, deps, meta),
  };
}
