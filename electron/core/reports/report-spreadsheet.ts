import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ReportResult } from '../../../shared/domain/reports';
import type { ReportDefinition, SectionDef } from '../../../shared/reports';
import { csvCell, xlsxCell } from '../../../shared/reports/spreadsheet-cells';

type Cell = string | number | null;

/** The heading lines both formats start with: title, when, filters, and the totals. */
function headingLines(def: ReportDefinition, result: ReportResult): Cell[][] {
  const totals = def.totals.map((t) => [t.label, result.totals[t.key] ?? null] as Cell[]);
  return [[def.title], ['Generated', result.generatedAt], ...result.filterWords.map((w) => ['Filter', w] as Cell[]), ...totals];
}

function sectionLines(section: SectionDef, result: ReportResult): { header: string[]; rows: Cell[][] } {
  const rows = result.sections.find((s) => s.key === section.key)?.rows ?? [];
  return { header: section.columns.map((c) => c.header), rows: rows.map((r) => section.columns.map((c) => r[c.key] ?? null)) };
}

/** Data rows in the result, every section together: what the export says it wrote. */
export const dataRows = (result: ReportResult) => result.sections.reduce((n, s) => n + s.rows.length, 0);

/**
 * CSV as Excel on Windows opens it (UTF-8 BOM, CRLF): the heading, then each section under its
 * title with its own header row, a blank line between. Text cells are neutralised against formulas.
 */
export function reportCsv(def: ReportDefinition, result: ReportResult): Uint8Array {
  const lines: Cell[][] = [...headingLines(def, result)];
  for (const section of def.sections) {
    const { header, rows } = sectionLines(section, result);
    lines.push([], [section.title], header, ...rows);
  }
  const text = Papa.unparse(lines.map((l) => l.map(csvCell)), { newline: '\r\n', escapeFormulae: false });
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

/** Excel limits a sheet's name to 31 characters and forbids a few. */
const sheetName = (title: string) => title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);

/**
 * XLSX: a Summary sheet (the heading), then a sheet per section with bold frozen headers, a filter
 * and the definition's widths. Numbers stay numbers (so Excel sums them), percentages show a `%`,
 * text cells are typed text, which never run, so they carry no `'`.
 */
export async function reportXlsx(def: ReportDefinition, result: ReportResult): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'HMIS Access Desk';
  const summary = workbook.addWorksheet('Summary');
  summary.columns = [{ width: 30 }, { width: 50 }];
  summary.addRows(headingLines(def, result).map((l) => l.map(xlsxCell)));
  summary.getRow(1).font = { bold: true, size: 14 };
  for (const section of def.sections) {
    const { header, rows } = sectionLines(section, result);
    const sheet = workbook.addWorksheet(sheetName(section.title), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = section.columns.map((c, i) => ({ header: header[i], width: c.width, style: c.kind === 'percent' ? { numFmt: '0.0"%"' } : {} }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRows(rows.map((r) => r.map(xlsxCell)));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
