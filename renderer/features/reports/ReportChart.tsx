import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Card, Text } from '@mantine/core';
import type { ReportResult } from '../../../shared/domain/reports';
import type { ChartDef } from '../../../shared/reports';
import { chartSvg } from '../../../shared/reports/report-chart-svg';
import { usePrinting } from '../../app/use-printing';
import { chartRows, formatPercent } from './report-format';

const BAR_HEIGHT = 26;

/**
 * The report's picture: bars laid sideways so long stage and agency names read in full. A funnel is
 * the stages in workflow order, widest first; "stacked" stacks the series (current, overdue,
 * lapsed) per agency. The numbers are in the table below too, so the picture is never the only way.
 *
 * On paper it is the printed report's own SVG (shared/reports/report-chart-svg, the one Save as
 * PDF draws), sized for the page: recharts draws for the window's width and would not redraw for
 * the paper's before the printout is laid out. Its text is escaped there.
 */
export function ReportChart({ chart, result, paperWidth }: { chart: ChartDef; result: ReportResult; /** CSS px of the page's width: 960 landscape, 700 portrait. */ paperWidth: number }) {
  const printing = usePrinting();
  const data = chartRows(result);
  if (data.length === 0) return null;
  const format = chart.unit === '%' ? formatPercent : (v: number) => v.toLocaleString('en-US');
  const summary = data.map((d) => `${d.label}: ${chart.series.map((s) => `${s.label} ${format(Number(d[s.key] ?? 0))}`).join(', ')}`).join('; ');
  return (
    <Card withBorder padding="md" className="report-chart print-chart">
      <Text fw={600} size="sm" mb="xs" id={`chart-${result.id}`}>
        {chart.title}
      </Text>
      {printing && <div className="print-only report-chart-print" dangerouslySetInnerHTML={{ __html: chartSvg(chart, result.chart ?? [], paperWidth) }} />}
      <div className="screen-only" role="img" aria-labelledby={`chart-${result.id}`} aria-description={summary}>
        <BarChart
          h={Math.max(120, data.length * BAR_HEIGHT + 50)}
          data={data}
          dataKey="label"
          orientation="vertical"
          type={chart.kind === 'stacked' ? 'stacked' : 'default'}
          series={chart.series.map((s) => ({ name: s.key, label: s.label, color: s.color }))}
          valueFormatter={format}
          withLegend={chart.series.length > 1}
          withBarValueLabel={chart.kind !== 'stacked'}
          yAxisProps={{ width: 230, interval: 0 }}
          xAxisProps={chart.unit === '%' ? { domain: [0, 100] } : undefined}
          gridAxis="x"
          withTooltip
          // Drawn at once: a chart still growing when the page is printed would print half-grown.
          barProps={{ isAnimationActive: false }}
        />
      </div>
    </Card>
  );
}
