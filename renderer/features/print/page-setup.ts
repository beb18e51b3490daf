/**
 * The @page rules of one printout: US Letter, the orientation the table needs, and a footer on
 * every page with the office, the title and "Page 2 of 5".
 *
 * Chromium draws @page margin boxes with the `page` and `pages` counters since version 131
 * (Electron 34+, Debian's Chromium here is newer), in window.print() and in printToPDF/page.pdf()
 * alike. A browser without them (Firefox, older Chromium) prints the same pages without the footer;
 * the header at the top of the first page still names the office, the filters and the time.
 */
export type PrintOrientation = 'portrait' | 'landscape';

export interface PageSetup {
  orientation: PrintOrientation;
  /** Left of the footer: office and title. */
  footer: string;
}

/** A CSS string literal: quotes and backslashes escaped, line breaks flattened, kept short. */
export function cssString(text: string): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').slice(0, 200);
  return `"${flat.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function pageSetupCss({ orientation, footer }: PageSetup): string {
  return `@media print {
  @page {
    size: letter ${orientation};
    margin: 10mm 8mm 12mm;
    @bottom-left { content: ${cssString(footer)}; font-size: 7.5pt; color: #444; font-family: system-ui, sans-serif; }
    @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 7.5pt; color: #444; font-family: system-ui, sans-serif; }
  }
}`;
}
