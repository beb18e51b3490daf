import { PDFDocument } from 'pdf-lib';
import type { FileStore } from '../files/file-store';
import type { PdfPrinter } from './pdf-job';

export interface ReportsDeps {
  files: FileStore;
  /** Electron's printToPDF in the app (asked of main), Debian's Chromium elsewhere. */
  printer: PdfPrinter;
}

/** Pages in a PDF Chromium printed, as the result says ("12 pages"). */
export async function pageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}
