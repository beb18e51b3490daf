/**
 * The printed report's stylesheet. Compact (9 pt rows) so a long list fits few pages; thead is a
 * table-header-group, which Chromium repeats on every page; a row never splits across pages; the
 * chart and headings keep with what follows. Margins leave room for Chromium's header and footer.
 */
export const PRINT_CSS = (landscape: boolean) => `
@page { size: Letter ${landscape ? 'landscape' : 'portrait'}; margin: 0.55in 0.45in 0.55in 0.45in; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: Arial, Helvetica, sans-serif; font-size: 9pt; color: #212529; }
@media screen { body { max-width: ${landscape ? '10.1in' : '7.6in'}; margin: 0.4in auto; } }
.report-head { border-bottom: 1.5pt solid #228be6; margin-bottom: 8pt; padding-bottom: 4pt; }
.office { font-size: 9pt; font-weight: bold; color: #1c7ed6; text-transform: uppercase; letter-spacing: 0.04em; }
h1 { font-size: 16pt; margin: 2pt 0; }
.description { margin: 0 0 3pt; color: #495057; }
.meta { display: flex; justify-content: space-between; gap: 12pt; margin: 0; font-size: 8pt; color: #495057; }
.totals { display: flex; gap: 6pt; margin: 6pt 0 8pt; break-inside: avoid; }
.total { flex: 1; border: 0.75pt solid #ced4da; border-radius: 3pt; padding: 4pt 6pt; }
.total .value { font-size: 13pt; font-weight: bold; }
.total .label { font-size: 7.5pt; color: #495057; }
.chart-box { margin: 0 0 8pt; break-inside: avoid; }
.chart-box figcaption { font-weight: bold; font-size: 9.5pt; margin-bottom: 2pt; }
.chart { max-width: 100%; height: auto; }
.report-section { margin-top: 8pt; }
h2 { font-size: 11pt; margin: 0 0 3pt; break-after: avoid; }
h2 .count { font-weight: normal; font-size: 8.5pt; color: #495057; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { padding: 1.5pt 3pt; border-bottom: 0.5pt solid #dee2e6; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #f1f3f5; border-bottom: 1pt solid #adb5bd; font-size: 8pt; }
td.number, td.percent, td.days, th.number, th.percent, th.days { text-align: right; }
td.date { white-space: nowrap; }
tr.group th { background: #e7f5ff; font-size: 8.5pt; padding-top: 3pt; break-after: avoid; }
.empty { color: #495057; font-style: italic; margin: 0; }
.report + .report { break-before: page; }
`;
