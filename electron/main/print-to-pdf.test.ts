import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { electronPdfPrinter, PRINT_WINDOW_OPTIONS, type PrintWindow } from './print-to-pdf';

const job = { html: '<!doctype html><h1>Onboarding status</h1>', landscape: true, headerTemplate: '<span>head</span>', footerTemplate: '<span class="pageNumber"></span>' };

function fakeWindow(fail = false) {
  const seen: { url?: string; page?: string; options?: unknown; destroyed: boolean } = { destroyed: false };
  const win: PrintWindow = {
    loadURL: async (url) => {
      seen.url = url;
      seen.page = readFileSync(fileURLToPath(url), 'utf8');
    },
    webContents: {
      printToPDF: async (options) => {
        seen.options = options;
        if (fail) throw new Error('printing failed');
        return new Uint8Array([37, 80, 68, 70]);
      },
    },
    destroy: () => {
      seen.destroyed = true;
    },
  };
  return { win, seen };
}

describe("Save as PDF in the app (Electron's printToPDF)", () => {
  it('prints the page in a hidden window on US Letter with the header and footer, then closes it and removes the page', async () => {
    const { win, seen } = fakeWindow();
    const bytes = await electronPdfPrinter(() => win)(job);
    expect([...bytes]).toEqual([37, 80, 68, 70]);
    expect(seen.page).toBe(job.html);
    expect(seen.options).toEqual({ landscape: true, displayHeaderFooter: true, headerTemplate: job.headerTemplate, footerTemplate: job.footerTemplate, printBackground: true, preferCSSPageSize: true, pageSize: 'Letter', margins: { top: 0.55, bottom: 0.55, left: 0.45, right: 0.45 } });
    expect(seen.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(seen.url ?? ''))).toBe(false);
  });

  it('closes the window and removes the page when printing fails', async () => {
    const { win, seen } = fakeWindow(true);
    await expect(electronPdfPrinter(() => win)(job)).rejects.toThrow('printing failed');
    expect(seen.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(seen.url ?? ''))).toBe(false);
  });

  it('uses a window that never shows and runs no script', () => {
    expect(PRINT_WINDOW_OPTIONS).toMatchObject({ show: false, webPreferences: { sandbox: true, javascript: false, nodeIntegration: false, contextIsolation: true, disableBlinkFeatures: 'Auxclick' } });
  });
});
