import { AppError } from '../../../../shared/app-error';
import { SHEET_LIMITS, type SheetProblem, type SheetProblemCode } from './sheet-worker';

const count = (n: number) => n.toLocaleString('en-US');
const megabytes = (bytes: number) => Math.ceil(bytes / 1024 / 1024).toLocaleString('en-US');

/** Each says what is wrong with the file and what to do with it in Excel before importing again. */
const SENTENCES: Record<SheetProblemCode, (file: string, detail: string | undefined) => string> = {
  unreadable: (file) => `${file} could not be read as an Excel workbook. Open it in Excel, save it as .xlsx or .csv, and import that.`,
  inconsistent: (file) =>
    `${file} is not a well-formed Excel workbook: its contents do not match its own table of contents, as in a damaged or tampered file. Open it in Excel, save it again as .xlsx or .csv, and import that.`,
  unpacked_too_big: (file, detail) =>
    `${file} unpacks to ${megabytes(Number(detail))} MB, over the ${megabytes(SHEET_LIMITS.maxUnpackedBytes)} MB an import reads (an .xlsx is compressed; its sheets are much bigger than the file). Split it into smaller files, or delete unused rows and columns, and import again.`,
  too_many_rows: (file) =>
    `${file} has more than ${count(SHEET_LIMITS.maxRows)} rows; split it into files of at most ${count(SHEET_LIMITS.maxRows)} rows and import them one after another.`,
  too_many_columns: (file, detail) =>
    `${file} has ${detail ? count(Number(detail)) : 'too many'} columns, more than the ${count(SHEET_LIMITS.maxColumns)} an import reads. Delete the columns the import does not need, save, and import again.`,
  cell_too_long: (file, detail) =>
    `Cell ${detail ?? '?'} of ${file} holds more than ${count(SHEET_LIMITS.maxCellChars)} characters, more than Excel itself allows in a cell. Shorten or clear it, save, and import again.`,
  too_much_text: (file) =>
    `${file} holds more than ${count(SHEET_LIMITS.maxTextChars / 1_000_000)} million characters of text, more than an import can keep. Split it into smaller files and import them one after another.`,
  too_complex: (file) =>
    `${file} needed more memory to read than is allowed and was stopped; it may be damaged or built to cause trouble. Open it in Excel, save it as .csv, and import that.`,
  timeout: (file) => `Reading ${file} took too long and was stopped; it may be damaged or built to cause trouble. Open it in Excel, save it as .csv, and import that.`,
};

export function sheetRefusal(fileName: string, problem: Pick<SheetProblem, 'code' | 'detail'>): AppError {
  const sentence = SENTENCES[problem.code](fileName, problem.detail);
  return new AppError('invalid', sentence, [{ field: 'bytes', message: sentence }]);
}
