import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { REQUEST_TYPE_LABELS, type Person } from '../../../../shared/domain/person';
import { STAGE_LABELS } from '../../../../shared/workflow';
import { neutralizeCell } from '../../../../shared/reports/spreadsheet-cells';

/** Headers the importer recognises, so an exported list can be edited and imported back. */
export const EXPORT_COLUMNS: { header: string; width: number; value: (p: Person) => string }[] = [
  { header: 'First name', width: 16, value: (p) => p.firstName },
  { header: 'Last name', width: 18, value: (p) => p.lastName },
  { header: 'Email', width: 34, value: (p) => p.email },
  { header: 'Phone', width: 16, value: (p) => p.phone ?? '' },
  { header: 'Agency', width: 32, value: (p) => p.agencyName },
  { header: 'Supervisor name', width: 22, value: (p) => p.supervisorName ?? '' },
  { header: 'Supervisor email', width: 34, value: (p) => p.supervisorEmail ?? '' },
  { header: 'Access level', width: 36, value: (p) => p.accessLevelName },
  { header: 'Request type', width: 30, value: (p) => REQUEST_TYPE_LABELS[p.requestType] },
  { header: 'Registered date', width: 14, value: (p) => p.registeredOn },
  { header: 'Stage', width: 30, value: (p) => STAGE_LABELS[p.stage] },
  { header: 'Certified on', width: 14, value: (p) => p.certifiedOn ?? '' },
  { header: 'Due on', width: 14, value: (p) => p.recertDueOn ?? '' },
  { header: 'Notes', width: 40, value: (p) => p.notes ?? '' },
];

/** Each person's cells as they are (XLSX writes them as typed text cells, which never run). */
export function exportValues(people: readonly Person[]): string[][] {
  return people.map((p) => EXPORT_COLUMNS.map((c) => c.value(p)));
}

/** Every CSV cell neutralised: a name like "=HYPERLINK(…)" typed on a form must never run in Excel. */
export function exportCells(people: readonly Person[]): string[][] {
  return exportValues(people).map((row) => row.map(neutralizeCell));
}

/**
 * CSV as Excel on Windows opens it without a wizard: UTF-8 with a BOM (or accented names turn to
 * mojibake), CRLF line ends, quotes only where a cell needs them.
 */
export function toCsv(headers: readonly string[], rows: readonly string[][]): Uint8Array {
  const text = Papa.unparse({ fields: [...headers], data: rows.map((r) => [...r]) }, { newline: '\r\n', escapeFormulae: false });
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

export async function toXlsx(headers: readonly string[], rows: readonly string[][], sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'HMIS Access Desk';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c, i) => ({ header: headers[i] ?? c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  // Values are written as string cells, so none is ever a formula, whatever it starts with: no `'` needed.
  sheet.addRows(rows.map((r) => [...r]));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
