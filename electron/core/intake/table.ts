import { AppError } from '../../../shared/app-error';

/** A spreadsheet-like table: the header row and the data rows, each numbered as a spreadsheet shows it. */
export interface Table {
  format: 'csv' | 'xlsx';
  sheet: string | null;
  headers: string[];
  rows: TableRow[];
}

export interface TableRow {
  /** Header = row 1, as Excel shows the file. */
  number: number;
  cells: string[];
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** The first non-blank row is the header; blank rows after it (trailing lines, gaps) are skipped. */
export function toTable(format: Table['format'], sheet: string | null, all: TableRow[], fileName: string): Table {
  const headerIndex = all.findIndex((r) => !isBlank(r.cells));
  const header = all[headerIndex];
  if (!header) {
    throw new AppError('invalid', `${fileName} has no rows. Export the form responses again and import that file.`, [{ field: 'bytes', message: 'The file has no rows.' }]);
  }
  const headers = trimTrailingBlanks(header.cells.map((h) => h.replace(/^\uFEFF/, '').trim()));
  const rows = all.slice(headerIndex + 1).filter((r) => !isBlank(r.cells));
  return { format, sheet, headers, rows };
}

/** Spreadsheets often carry empty columns at the right edge; they are not columns of the form. */
function trimTrailingBlanks(headers: string[]): string[] {
  let end = headers.length;
  while (end > 0 && headers[end - 1] === '') end -= 1;
  return headers.slice(0, end);
}
