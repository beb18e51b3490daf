import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/app-error';
import { toTable, type Table, type TableRow } from './table';

/**
 * The first worksheet that has rows (Microsoft Forms and most master lists keep one sheet).
 * Cells are read as the text a person sees, never as formulas: a formula cell gives its last
 * computed result, so nothing in the file is ever evaluated.
 */
export async function readXlsx(fileName: string, bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('invalid', `${fileName} could not be read as an Excel workbook. Open it in Excel, save it as .xlsx or .csv, and import that.`, [
      { field: 'bytes', message: 'This is not a readable .xlsx file.' },
    ]);
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new AppError('invalid', `${fileName} has no rows in any sheet.`, [{ field: 'bytes', message: 'The workbook is empty.' }]);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    // row.values is 1-based, like Excel's columns.
    for (let i = 1; i < values.length; i += 1) cells.push(cellText(values[i]));
    rows.push({ number, cells });
  });
  return toTable('xlsx', sheet.name, rows, fileName);
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  return ''; // error values (#N/A…) and formulas never calculated
}

/** ExcelJS hands dates over as UTC instants of the wall-clock time typed in the cell. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
