/**
 * One page to print to PDF, and how each Chromium we have takes it. The decisions (US Letter, the
 * margins the header and footer live in, background colours on, the page's own @page size) are
 * here, pure and tested; electron/main and chromium-printer.ts only pass them on.
 */
export interface PdfPrintJob {
  html: string;
  landscape: boolean;
  headerTemplate: string;
  footerTemplate: string;
}

export interface PdfPrinter {
  /** What prints: shown in errors and the benchmark ("Debian's Chromium", "Electron"). */
  readonly name: string;
  print(job: PdfPrintJob): Promise<Uint8Array>;
  /** Ends a browser kept open between prints (agency packs print many). */
  close(): Promise<void>;
}

/** Inches, as both Chromium APIs take them; room at top and bottom for the header and footer templates. */
export const PDF_MARGINS = { top: 0.55, bottom: 0.55, left: 0.45, right: 0.45 } as const;
const LETTER = { width: 8.5, height: 11 } as const;

/** DevTools protocol Page.printToPDF parameters (Debian's Chromium, headless). */
export function cdpPrintParams(job: PdfPrintJob) {
  return {
    landscape: job.landscape,
    displayHeaderFooter: true,
    headerTemplate: job.headerTemplate,
    footerTemplate: job.footerTemplate,
    printBackground: true,
    preferCSSPageSize: true,
    paperWidth: LETTER.width,
    paperHeight: LETTER.height,
    marginTop: PDF_MARGINS.top,
    marginBottom: PDF_MARGINS.bottom,
    marginLeft: PDF_MARGINS.left,
    marginRight: PDF_MARGINS.right,
  };
}

/** Electron's webContents.printToPDF options for the same page. */
export function electronPrintOptions(job: PdfPrintJob) {
  return {
    landscape: job.landscape,
    displayHeaderFooter: true,
    headerTemplate: job.headerTemplate,
    footerTemplate: job.footerTemplate,
    printBackground: true,
    preferCSSPageSize: true,
    pageSize: 'Letter' as const,
    margins: { ...PDF_MARGINS },
  };
}
