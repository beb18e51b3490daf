import { readSheetInWorker, SheetProblem } from './sheet/sheet-worker';
import { sheetRefusal } from './sheet/sheet-refusals';
import { toTable, type Table } from './table';

/**
 * The first worksheet that has rows (Microsoft Forms and most master lists keep one sheet), read
 * in a worker thread under limits (sheet/sheet-worker.ts): a workbook that unpacks to gigabytes,
 * or lies about its size, is refused with a sentence and costs this thread nothing.
 */
export async function readXlsx(fileName: string, bytes: Uint8Array): Promise<Table> {
  try {
    const { sheet, rows } = await readSheetInWorker(bytes);
    return toTable('xlsx', sheet, rows, fileName);
  } catch (error) {
    if (error instanceof SheetProblem) throw sheetRefusal(fileName, error);
    throw error;
  }
}
