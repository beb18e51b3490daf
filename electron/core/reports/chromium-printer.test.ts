import { describe, expect, it } from 'vitest';
import { chromiumPrinter, findChromium } from './chromium-printer';
import { cdpPrintParams } from './pdf-job';
import { pdfPages } from './test-support/pdf-text';

describe("Debian's Chromium as the PDF printer", () => {
  it('says what to install when no Chromium is found', () => {
    expect(() => findChromium({}, () => false)).toThrow(
      'Saving a PDF needs Chromium, and none was found (looked for /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome, /usr/bin/google-chrome-stable). Install it (on Debian: apt install chromium) or set HMIS_CHROMIUM to its path; CSV, XLSX and HTML work without it.',
    );
    expect(findChromium({ HMIS_CHROMIUM: '/opt/chrome/chrome' }, (p) => p === '/opt/chrome/chrome')).toBe('/opt/chrome/chrome');
  });

  it('asks for US Letter, the page size of the stylesheet, backgrounds, and the margins the footer prints in', () => {
    expect(cdpPrintParams({ html: '', landscape: false, headerTemplate: 'h', footerTemplate: 'f' })).toEqual({
      landscape: false, displayHeaderFooter: true, headerTemplate: 'h', footerTemplate: 'f', printBackground: true, preferCSSPageSize: true,
      paperWidth: 8.5, paperHeight: 11, marginTop: 0.55, marginBottom: 0.55, marginLeft: 0.45, marginRight: 0.45,
    });
  });

  it('prints several pages in one browser, numbering each "Page N of M"', async () => {
    const printer = chromiumPrinter();
    try {
      const rows = Array.from({ length: 120 }, (_, i) => `<tr><td>Row ${i + 1}</td></tr>`).join('');
      const footer = '<div style="font-size:8px;width:100%;text-align:right">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';
      const first = await printer.print({ html: `<table><thead><tr><th>Name</th></tr></thead><tbody>${rows}</tbody></table>`, landscape: false, headerTemplate: '<span></span>', footerTemplate: footer });
      const pages = await pdfPages(first);
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
      expect(pages[1]).toContain('Name');
      const second = await printer.print({ html: '<p>Second report</p>', landscape: true, headerTemplate: '<span></span>', footerTemplate: footer });
      expect((await pdfPages(second))[0]).toContain('Second report');
    } finally {
      await printer.close();
    }
  }, 60_000);
});
