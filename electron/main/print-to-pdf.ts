import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { electronPrintOptions, type PdfPrintJob } from '../core/reports/pdf-job';

/** The part of Electron's BrowserWindow a print needs, so this is tested with a fake. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  webContents: { printToPDF(options: ReturnType<typeof electronPrintOptions>): Promise<Uint8Array> };
  destroy(): void;
}

/**
 * "Save as PDF" in the app: the report page (our own HTML, no script) in a hidden, sandboxed
 * window with JavaScript off, printed by Electron's Chromium with the options pdf-job.ts decides,
 * then the window and the temporary page are gone. The page is a file, as a long report is more
 * than a data: URL carries.
 */
export function electronPdfPrinter(openWindow: () => PrintWindow) {
  return async (job: PdfPrintJob): Promise<Uint8Array> => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hmis-print-'));
    const file = path.join(dir, 'report.html');
    const win = openWindow();
    try {
      await writeFile(file, job.html);
      await win.loadURL(pathToFileURL(file).href);
      return new Uint8Array(await win.webContents.printToPDF(electronPrintOptions(job)));
    } finally {
      win.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  };
}

/** A window that never shows, runs no script, reaches nothing but the file it is given. */
export const PRINT_WINDOW_OPTIONS = {
  show: false,
  webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, offscreen: true, disableBlinkFeatures: 'Auxclick' },
} as const;
