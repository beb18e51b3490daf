import type { ChartDatum } from '../domain/reports';
import type { ChartDef } from './definition';

/** Mantine's palette for the colours definitions name, so paper matches the screen. */
const PALETTE: Record<string, string> = {
  'blue.6': '#228be6',
  'teal.6': '#12b886',
  'orange.6': '#fd7e14',
  'red.7': '#f03e3e',
  'gray.5': '#adb5bd',
  'grape.6': '#be4bdb',
};
export const chartColor = (name: string) => PALETTE[name] ?? '#495057';

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const ROW = 18;
const LABEL_W = 230;
const VALUE_W = 70;
const fmt = (n: number, unit: string) => (unit === '%' ? `${n.toFixed(1)}%` : n.toLocaleString('en-US'));
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * A chart as inline SVG for the printed page (no script, no fonts to fetch): one horizontal bar
 * per point, labelled on the left with its value on the right. A funnel centres its bars; stacked
 * bars put the series side by side in one bar, with a legend. Sizes are in CSS pixels of a page.
 */
export function chartSvg(chart: ChartDef, data: readonly ChartDatum[], width = 700): string {
  if (data.length === 0) return '';
  const plotW = width - LABEL_W - VALUE_W;
  const totalOf = (d: ChartDatum) => chart.series.reduce((n, s) => n + (d.values[s.key] ?? 0), 0);
  const max = chart.unit === '%' ? 100 : Math.max(1, ...data.map(totalOf));
  const legend = chart.series.length > 1 ? 22 : 0;
  const height = legend + data.length * ROW + 4;
  const bars = data.map((d, i) => {
    const y = legend + i * ROW;
    const total = totalOf(d);
    const barW = (total / max) * plotW;
    let x = LABEL_W + (chart.kind === 'funnel' ? (plotW - barW) / 2 : 0);
    const parts = chart.series.map((s) => {
      const w = ((d.values[s.key] ?? 0) / max) * plotW;
      const rect = w > 0 ? `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${chartColor(s.color)}"/>` : '';
      x += w;
      return rect;
    });
    const label = `<text x="${LABEL_W - 6}" y="${y + ROW - 5}" text-anchor="end">${escapeHtml(clip(d.label, 40))}</text>`;
    const value = `<text x="${width - VALUE_W + 6}" y="${y + ROW - 5}">${escapeHtml(fmt(total, chart.unit))}</text>`;
    return `<g><title>${escapeHtml(`${d.label}: ${fmt(total, chart.unit)}`)}</title>${label}${parts.join('')}${value}</g>`;
  });
  const legendItems = legend
    ? chart.series.map((s, i) => `<rect x="${LABEL_W + i * 110}" y="4" width="10" height="10" fill="${chartColor(s.color)}"/><text x="${LABEL_W + i * 110 + 14}" y="13">${escapeHtml(s.label)}</text>`).join('')
    : '';
  return `<svg class="chart" role="img" aria-label="${escapeHtml(chart.title)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-size="10" font-family="Arial, Helvetica, sans-serif">${legendItems}${bars.join('')}</svg>`;
}
