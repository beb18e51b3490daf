import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../domain/reports';
import { complianceReport } from './compliance';
import { printedCell, renderReportHtml, reportPrintTemplates } from './report-html';

const result: ReportResult = {
  id: 'compliance',
  title: 'Recertification compliance',
  generatedAt: '2026-11-28T15:00:00.000Z',
  today: '2026-11-28',
  filters: {},
  filterWords: ['Agency: <Delta & Co>'],
  totals: { active: 1204, currentPct: 93.4, due30: 5, overdue: 2, lapsed: 1 },
  sections: [
    { key: 'byAgency', total: 1, rows: [{ agency: 'Delta & Co', active: 1204, current: 1125, currentPct: 93.4, due30: 5, overdue: 2, lapsed: 1 }] },
    {
      key: 'people',
      total: 3,
      rows: [
        { agency: 'Delta & Co', name: 'Gus <b>Lapsed</b>', accessLevel: 'Read Only', hmisUserName: 'gus', certifiedOn: '2025-09-01', dueOn: '2026-09-01', status: 'Lapsed', daysLeft: -88 },
        { agency: 'Delta & Co', name: 'Finn Overdue', accessLevel: 'Read Only', hmisUserName: null, certifiedOn: '2025-11-10', dueOn: '2026-11-10', status: 'Overdue', daysLeft: -18 },
      ],
    },
  ],
  chart: [{ label: 'Delta & Co', values: { current: 1125, overdue: 2, lapsed: 1 } }],
};
const meta = { officeName: 'Sacramento County HMIS Office', operator: 'j.rivera', generatedAt: result.generatedAt };

describe('the printed report', () => {
  it('prints US dates, thousands, percentages and nothing for none', () => {
    expect([printedCell('date', '2026-09-01'), printedCell('number', 1204), printedCell('percent', 93.4), printedCell('days', -88), printedCell('text', null)]).toEqual(['9/1/2026', '1,204', '93.4%', '-88', '']);
  });

  it('escapes what people typed, and groups rows under their agency instead of repeating it', () => {
    const html = renderReportHtml(complianceReport, result, meta);
    expect(html).toContain('Gus &lt;b&gt;Lapsed&lt;/b&gt;');
    expect(html).toContain('Agency: &lt;Delta &amp; Co&gt;');
    expect(html.match(/<tr class="group">/g)).toHaveLength(1);
    expect(html).toContain('the first 2 of 3; the export holds more');
    expect(html).toContain('<div class="value">93.4%</div><div class="label">Current</div>');
  });

  it('puts the office, title, who and when at the top of every page and "Page N of M" at the foot', () => {
    const t = reportPrintTemplates(complianceReport, result, meta);
    expect(t.headerTemplate).toContain('Sacramento County HMIS Office — Recertification compliance');
    expect(t.headerTemplate).toMatch(/Generated Nov 28, 2026, \d{1,2}:\d{2}\s?[AP]M by j\.rivera/);
    expect(t.footerTemplate).toContain('Agency: &lt;Delta &amp; Co&gt;');
    expect(t.footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
  });

  it('says "HMIS Office" when Settings has no office name', () => {
    expect(renderReportHtml(complianceReport, result, { ...meta, officeName: null })).toContain('<div class="office">HMIS Office</div>');
  });
});
