import Papa from 'papaparse';
import { AppError } from '../../../shared/app-error';
import { readXlsx } from './read-xlsx';
import { sheetRefusal } from './sheet/sheet-refusals';
import { SHEET_LIMITS, type SheetProblem } from './sheet/sheet-worker';
import { toTable, type Table } from './table';

export type { Table, TableRow } from './table';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Reads a registrations export. The format is told by the bytes, not the name: offices rename
 * files, and Excel happily saves a CSV as "registrations.xlsx.csv".
 */
export async function readTable(fileName: string, bytes: Uint8Array): Promise<Table> {
  if (startsWith(bytes, ZIP)) return readXlsx(fileName, bytes);
  if (startsWith(bytes, OLE)) {
    throw new AppError('invalid', `${fileName} is an old Excel 97–2003 workbook. Open it in Excel and save it as .xlsx or .csv, then import that.`, [
      { field: 'bytes', message: 'Save the file as .xlsx or .csv.' },
    ]);
  }
  return readCsv(fileName, decodeText(bytes));
}

/**
 * UTF-8 (a BOM is dropped); UTF-16 when it says so with a BOM (Excel's "Unicode text"); and
 * Windows-1252 when the bytes are not UTF-8, which is what Excel's plain "CSV" save writes on
 * US Windows — accented names survive either way.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The separator the header line uses most: European Excel writes ";", "Unicode text" writes tabs.
 * (Papa Parse's own guess is thrown off by the blank lines we keep for row numbering.)
 */
function guessDelimiter(text: string): string {
  const header = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const count = (d: string) => header.split(d).length - 1;
  return DELIMITERS.reduce((best, d) => (count(d) > count(best) ? d : best), ',' as string);
}

export function readCsv(fileName: string, text: string): Table {
  // Blank lines are kept so record numbers stay the spreadsheet's row numbers; they are dropped below.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: guessDelimiter(text) });
  const fatal = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (fatal) {
    throw new AppError('invalid', `${fileName} has a quote that is never closed (row ${(fatal.row ?? 0) + 1}). Open it in a spreadsheet and save it again as CSV.`, [
      { field: 'bytes', message: 'The CSV is malformed.' },
    ]);
  }
  const problem = csvProblem(parsed.data);
  if (problem) throw sheetRefusal(fileName, problem);
  return toTable('csv', null, parsed.data.map((cells, index) => ({ number: index + 1, cells })), fileName);
}

/** A CSV is as big as its file (nothing unpacks), but it is held to the same limits as a workbook. */
function csvProblem(rows: readonly string[][]): Pick<SheetProblem, 'code' | 'detail'> | null {
  let records = 0;
  for (let r = 0; r < rows.length; r += 1) {
    const cells = rows[r] as string[];
    if (cells.length > SHEET_LIMITS.maxColumns) return { code: 'too_many_columns', detail: String(cells.length) };
    const long = cells.findIndex((c) => c.length > SHEET_LIMITS.maxCellChars);
    if (long >= 0) return { code: 'cell_too_long', detail: `${columnName(long + 1)}${r + 1}` };
    if (cells.some((c) => c.trim() !== '')) records += 1;
  }
  return records > SHEET_LIMITS.maxRows + 1 ? { code: 'too_many_rows' } : null;
}

function columnName(number: number): string {
  let name = '';
  for (let n = number; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
