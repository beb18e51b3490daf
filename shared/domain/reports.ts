import { z } from 'zod';
import { id, isoDate, isoInstant } from './common';
import { bytes } from './intake';

/**
 * Reports (issue 11). What a report *is* (title, filters, sections and their columns, chart) is a
 * definition in shared/reports/; what one run of it *holds* is a result below. The screen, the
 * printed page, the exports and the CLI all read the same two, so they cannot disagree.
 */
export const REPORT_IDS = ['status', 'compliance', 'pending', 'training', 'activity'] as const;
export type ReportId = (typeof REPORT_IDS)[number];
export const reportId = z.enum(REPORT_IDS, { message: `Choose a report: ${REPORT_IDS.join(', ')}.` });

/** Each report says which of these it honours (its definition's `filters`) and what the dates mean. */
export const reportFilters = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    agencyId: id.optional(),
    accessLevelId: id.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'The "from" date is after the "to" date; swap them.', path: ['to'] });
export type ReportFilters = z.infer<typeof reportFilters>;

/** A cell as a report computes it: numbers stay numbers (so XLSX sums them), dates are `YYYY-MM-DD`. */
export const cellValue = z.union([z.string(), z.number(), z.null()]);
export type CellValue = z.infer<typeof cellValue>;
/** One row, keyed by the section's column keys. */
export const reportRow = z.record(z.string(), cellValue);
export type ReportRow = z.infer<typeof reportRow>;

export const reportSection = z.object({
  /** A key of the definition's sections. */
  key: z.string(),
  rows: z.array(reportRow),
  /** How many rows matched; more than `rows.length` when the row limit cut the list ("500 of 1,204"). */
  total: z.number().int(),
});
export type ReportSection = z.infer<typeof reportSection>;

/** The chart's points: one per bar or funnel step, each with a value per series key. */
export const chartDatum = z.object({ label: z.string(), values: z.record(z.string(), z.number()) });
export type ChartDatum = z.infer<typeof chartDatum>;

export const reportResult = z.object({
  id: reportId,
  title: z.string(),
  generatedAt: isoInstant,
  /** The core's today, which every "days in stage" and "due in 30 days" counts from. */
  today: isoDate,
  filters: reportFilters,
  /** The filters in words, for the printed heading ("Agency: Delta Recovery", "Registered 2026-01-01 to 2026-06-30"). */
  filterWords: z.array(z.string()),
  /** The headline numbers, keyed by the definition's totals. */
  totals: z.record(z.string(), z.number().nullable()),
  sections: z.array(reportSection),
  /** Null when the definition has no chart. */
  chart: z.array(chartDatum).nullable(),
});
export type ReportResult = z.infer<typeof reportResult>;

/** Rows per section: a screen shows a few hundred; an export or a PDF asks for more. */
export const REPORT_ROW_LIMIT = { default: 500, max: 20_000 } as const;

export const reportRunInput = z.object({
  id: reportId,
  filters: reportFilters.default({}),
  rowLimit: z.number().int().min(1).max(REPORT_ROW_LIMIT.max, `Ask for at most ${REPORT_ROW_LIMIT.max.toLocaleString('en-US')} rows a section.`).default(REPORT_ROW_LIMIT.default),
});

export const REPORT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const reportExportInput = reportRunInput.extend({ format: z.enum(REPORT_EXPORT_FORMATS).default('csv'), rowLimit: reportRunInput.shape.rowLimit.unwrap().default(REPORT_ROW_LIMIT.max) });

export const reportFile = z.object({
  fileName: z.string(),
  contentType: z.string(),
  bytes,
  /** Data rows written, all sections together. */
  rows: z.number().int(),
});
export type ReportFile = z.infer<typeof reportFile>;

/**
 * The printable page: a whole HTML document with its print stylesheet and charts as inline SVG.
 * A printed section holds its first 1,000 rows (about 30 pages; Chromium prints some 30 pages a
 * second) and says how many more the export has; a larger `rowLimit` prints more.
 */
export const REPORT_PRINT_ROWS = 1000;
export const reportHtmlInput = reportRunInput.extend({ rowLimit: reportRunInput.shape.rowLimit.unwrap().default(REPORT_PRINT_ROWS) });
export const reportHtml = z.object({
  fileName: z.string(),
  html: z.string(),
  landscape: z.boolean(),
  /** What Chromium's printToPDF (Electron's or Debian's) puts in each page's margins ("Page 2 of 5"). */
  headerTemplate: z.string(),
  footerTemplate: z.string(),
  /** Data rows on the page, all sections together. */
  rows: z.number().int(),
});
export type ReportHtml = z.infer<typeof reportHtml>;

export const reportPdf = reportFile.extend({ pages: z.number().int() });
export type ReportPdf = z.infer<typeof reportPdf>;

export const agencyPacksInput = z.object({
  /** Where the PDFs go; `<dataDir>/agency-packs/<today>` when left out. */
  folder: z.string().trim().min(1, 'Choose a folder for the packs.').max(1000).optional(),
  /** Only these agencies; every agency with people when left out. */
  agencyIds: z.array(id).optional(),
  /** Also queue one email to each agency's manager (its contact email), the PDF attached. */
  email: z.boolean().default(false),
});

export const agencyPack = z.object({
  agencyId: id,
  agencyName: z.string(),
  fileName: z.string(),
  path: z.string(),
  pages: z.number().int(),
  people: z.number().int(),
  /** The address the pack was queued to, or null when not emailed. */
  queuedTo: z.string().nullable(),
});
export type AgencyPack = z.infer<typeof agencyPack>;

export const agencyPacksOutput = z.object({
  folder: z.string(),
  packs: z.array(agencyPack),
  /** Agencies that got a PDF but no email, and why ("Delta Recovery has no contact email; add one on the agency."). */
  notEmailed: z.array(z.object({ agencyName: z.string(), reason: z.string() })),
});
export type AgencyPacksOutput = z.infer<typeof agencyPacksOutput>;
