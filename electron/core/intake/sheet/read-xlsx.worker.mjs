// Reads the first non-empty sheet of an untrusted .xlsx, for sheet-worker.ts, inside a worker
// thread with a heap limit and a time limit, so a hostile workbook can take down only this thread.
// The zip is checked first (zip-directory.mjs); the sheet is then streamed row by row, never loaded
// whole, and every limit is checked as rows arrive. Cells are the text a person sees, never
// formulas: a formula cell gives its last computed result, so nothing in the file is evaluated.
// Plain JavaScript, as read-pdf.worker.mjs explains.
import { Readable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { checkedWorkbook, SheetProblem } from './zip-directory.mjs';

/** ExcelJS hands dates over as UTC instants of the wall-clock time typed in the cell. */
function dateText(date) {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

function cellText(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return '';
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return cellText(value.text);
  if ('result' in value) return cellText(value.result ?? null);
  return ''; // error values (#N/A…) and formulas never calculated
}

/** Column letters as Excel shows them (1 → A, 27 → AA), for a refusal that points at the cell. */
function columnName(number) {
  let name = '';
  for (let n = number; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** One row's cells as text, each limit checked before anything is kept. */
function rowCells(row, limits, budget) {
  const values = row.values;
  // row.values is 1-based, like Excel's columns.
  if (values.length - 1 > limits.maxColumns) throw new SheetProblem('too_many_columns', String(values.length - 1));
  const cells = [];
  for (let i = 1; i < values.length; i += 1) {
    const text = cellText(values[i]);
    if (text.length > limits.maxCellChars) throw new SheetProblem('cell_too_long', `${columnName(i)}${row.number}`);
    budget.chars += text.length;
    cells.push(text);
  }
  if (budget.chars > limits.maxTextChars) throw new SheetProblem('too_much_text');
  return cells;
}

async function readSheet(worksheet, limits) {
  const rows = [];
  const budget = { chars: 0 };
  for await (const row of worksheet) {
    const cells = rowCells(row, limits, budget);
    if (cells.every((c) => c.trim() === '')) continue;
    // The header row is not a record: one more row than the limit is allowed.
    if (rows.length > limits.maxRows) throw new SheetProblem('too_many_rows', String(limits.maxRows));
    rows.push({ number: row.number, cells });
  }
  return rows;
}

async function read(bytes, limits) {
  const clean = await checkedWorkbook(bytes, limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([clean]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  for await (const worksheet of reader) {
    const rows = await readSheet(worksheet, limits);
    // Microsoft Forms and most master lists keep one sheet; the first with rows is the one.
    if (rows.length > 0) return { sheet: worksheet.name, rows };
  }
  return { sheet: null, rows: [] };
}

parentPort.on('message', async (job) => {
  try {
    parentPort.postMessage({ id: job.id, ok: true, ...(await read(job.bytes, job.limits)) });
  } catch (error) {
    const problem = error instanceof SheetProblem ? { code: error.code, detail: error.detail } : { code: 'unreadable' };
    parentPort.postMessage({ id: job.id, ok: false, problem });
  }
});
