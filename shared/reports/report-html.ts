import type { CellValue, ReportResult, ReportSection } from '../domain/reports';
import type { ColumnDef, ReportDefinition, SectionDef } from './definition';
import { chartSvg, escapeHtml } from './report-chart-svg';
import { PRINT_CSS } from './report-print-css';

export interface PrintMeta {
  /** Settings → Office; "HMIS Office" when empty, as messages say. */
  officeName: string | null;
  operator: string;
  generatedAt: string;
}

const dateWords = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat('en-US', { month: 'numeric', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** A cell as printed: US dates, thousands separators, a percent sign; empty for none. */
export function printedCell(kind: ColumnDef['kind'], value: CellValue | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dayFormat.format(new Date(`${value}T12:00:00Z`));
  if (kind === 'percent' && typeof value === 'number') return `${value.toFixed(1)}%`;
  if (typeof value === 'number') return value.toLocaleString('en-US');
  return value;
}

export const officeOf = (meta: PrintMeta) => meta.officeName?.trim() || 'HMIS Office';
export const generatedWords = (meta: PrintMeta) => `Generated ${dateWords.format(new Date(meta.generatedAt))} by ${meta.operator}`;

/** Grouped sections print the group column once, as a sub-heading row, instead of on every row. */
function table(section: SectionDef, data: ReportSection): string {
  const shown = section.groupBy ? section.columns.filter((c) => c.key !== section.groupBy) : section.columns;
  const totalWidth = shown.reduce((n, c) => n + c.width, 0);
  const cols = shown.map((c) => `<col style="width:${((c.width / totalWidth) * 100).toFixed(1)}%">`).join('');
  const head = shown.map((c) => `<th class="${c.kind}" scope="col">${escapeHtml(c.header)}</th>`).join('');
  let group: CellValue | undefined;
  const body: string[] = [];
  for (const row of data.rows) {
    if (section.groupBy && row[section.groupBy] !== group) {
      group = row[section.groupBy];
      body.push(`<tr class="group"><th colspan="${shown.length}" scope="colgroup">${escapeHtml(String(group ?? ''))}</th></tr>`);
    }
    body.push(`<tr>${shown.map((c) => `<td class="${c.kind}">${escapeHtml(printedCell(c.kind, row[c.key]))}</td>`).join('')}</tr>`);
  }
  return `<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function sectionHtml(section: SectionDef, data: ReportSection | undefined): string {
  const rows = data?.rows.length ?? 0;
  const total = data?.total ?? 0;
  const count = rows < total ? ` <span class="count">— the first ${rows.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}; the export holds more</span>` : total ? ` <span class="count">(${total.toLocaleString('en-US')})</span>` : '';
  const content = data && rows ? table(section, data) : `<p class="empty">${escapeHtml(section.empty)}</p>`;
  return `<section class="report-section" data-section="${escapeHtml(section.key)}"><h2>${escapeHtml(section.title)}${count}</h2>${content}</section>`;
}

function totalsHtml(def: ReportDefinition, result: ReportResult): string {
  const items = def.totals.map((t) => `<div class="total"><div class="value">${escapeHtml(printedCell(t.kind, result.totals[t.key] ?? null) || '—')}</div><div class="label">${escapeHtml(t.label)}</div></div>`);
  return `<div class="totals">${items.join('')}</div>`;
}

/** One report's printed content: heading, totals, chart and sections (the body of a page or of a pack). */
export function reportBody(def: ReportDefinition, result: ReportResult, meta: PrintMeta): string {
  const filters = result.filterWords.length ? result.filterWords.map(escapeHtml).join(' · ') : 'No filters: everyone';
  const chart = def.chart && result.chart?.length ? `<figure class="chart-box"><figcaption>${escapeHtml(def.chart.title)}</figcaption>${chartSvg(def.chart, result.chart, def.landscape ? 900 : 680)}</figure>` : '';
  return `<article class="report" data-report="${def.id}">
<header class="report-head"><div class="office">${escapeHtml(officeOf(meta))}</div><h1>${escapeHtml(def.title)}</h1>
<p class="description">${escapeHtml(def.description)}</p>
<p class="meta"><span class="filters">${filters}</span><span class="generated">${escapeHtml(generatedWords(meta))}</span></p></header>
${totalsHtml(def, result)}
${chart}
${def.sections.map((s) => sectionHtml(s, result.sections.find((d) => d.key === s.key))).join('\n')}
</article>`;
}

/** A standalone printable document around report bodies; each report after the first starts a new page. */
export function printDocument(title: string, landscape: boolean, bodies: readonly string[]): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${PRINT_CSS(landscape)}</style></head>
<body class="${landscape ? 'landscape' : 'portrait'}">
${bodies.join('\n')}
</body></html>`;
}

/**
 * The printable report: a whole HTML document with its own print stylesheet (US Letter, landscape
 * when the definition is wide, compact rows, headers repeated on each page, no row cut across a
 * page) and the chart as inline SVG. The same page is what the app prints, what Chromium turns
 * into the PDF, and what `report … --format html` writes. Page numbers are Chromium's footer
 * (see reportPrintTemplates), since Chromium does not run CSS page-margin counters.
 */
export function renderReportHtml(def: ReportDefinition, result: ReportResult, meta: PrintMeta): string {
  return printDocument(`${def.title} — ${officeOf(meta)}`, def.landscape, [reportBody(def, result, meta)]);
}

/** Chromium's printToPDF margins: office and title on top, filters and "Page N of M" below, on every page. */
export function reportPrintTemplates(def: ReportDefinition, result: ReportResult, meta: PrintMeta): { headerTemplate: string; footerTemplate: string } {
  const style = 'font-family: Arial, Helvetica, sans-serif; font-size: 8px; color: #495057; width: 100%; padding: 0 0.5in; display: flex; justify-content: space-between;';
  const filters = result.filterWords.length ? result.filterWords.join(' · ') : 'No filters';
  return {
    headerTemplate: `<div style="${style}"><span>${escapeHtml(officeOf(meta))} — ${escapeHtml(def.title)}</span><span>${escapeHtml(generatedWords(meta))}</span></div>`,
    footerTemplate: `<div style="${style}"><span>${escapeHtml(filters)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
  };
}
