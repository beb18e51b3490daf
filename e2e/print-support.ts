import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect } from './fixtures';

/**
 * The browser's print dialog cannot be driven: `window.print()` is replaced by a marker, and
 * Chromium's PDF printer (page.pdf, the same engine as printToPDF) lays out the print view.
 */
export async function catchPrintDialog(page: Page): Promise<void> {
  // Typed for Node, without the DOM: the page's own window is reached through globalThis.
  await page.evaluate(() => {
    const win = globalThis as unknown as { print(): void; document: { body: { setAttribute(name: string, value: string): void } } };
    win.print = () => win.document.body.setAttribute('data-print-asked', 'yes');
  });
}

export async function expectPrintAsked(page: Page): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-print-asked', 'yes');
}

export interface PrintedPdf {
  bytes: Buffer;
  pages: number;
  /** Each page's text, whitespace removed (pdf.js splits words at ligatures: "Recerti fi cation"). */
  pageTexts: string[];
  /** Each page's size in points, width × height. */
  sizes: { width: number; height: number }[];
}

/** The page as Chromium prints it, with the page size and margins its @page rules ask for. */
export async function printToPdf(page: Page): Promise<PrintedPdf> {
  const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pageTexts: string[] = [];
  const sizes: { width: number; height: number }[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const pdfPage = await doc.getPage(n);
    const [, , width = 0, height = 0] = pdfPage.view;
    sizes.push({ width: Math.round(width), height: Math.round(height) });
    pageTexts.push(squash((await pdfPage.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ')));
  }
  await doc.destroy();
  // Set PRINT_PDF_DIR to keep the PDFs and look at them (pdftoppm -png).
  if (process.env.PRINT_PDF_DIR) writeFileSync(`${process.env.PRINT_PDF_DIR}/${Date.now()}.pdf`, bytes);
  return { bytes, pages: doc.numPages, pageTexts, sizes };
}

export const squash = (text: string): string => text.replace(/\s+/g, '');

/** US Letter landscape in points. */
export const LETTER_LANDSCAPE = { width: 792, height: 612 };
export const LETTER_PORTRAIT = { width: 612, height: 792 };
