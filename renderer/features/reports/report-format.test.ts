import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../../../shared/domain/reports';
import { statusReport } from '../../../shared/reports/status';
import { cutSections, formatCell, formatTotal, groupRows, isEmptyResult, shownColumns } from './report-format';

const result = (sections: ReportResult['sections']): ReportResult => ({
  id: 'status',
  title: 'Onboarding status',
  generatedAt: '2026-11-28T15:00:00.000Z',
  today: '2026-11-28',
  filters: {},
  filterWords: [],
  totals: {},
  sections,
  chart: null,
});

describe('report cells', () => {
  it('formats by the column kind, with a dash for nothing', () => {
    expect(formatCell('date', '2026-03-31')).toBe('Mar 31, 2026');
    expect(formatCell('percent', 87.456)).toBe('87.5%');
    expect(formatCell('number', 1204)).toBe('1,204');
    expect(formatCell('days', 12)).toBe('12');
    expect(formatCell('text', null)).toBe('—');
    expect(formatCell('text', '')).toBe('—');
    expect(formatTotal({ key: 'p', label: 'Current', kind: 'percent' }, 90)).toBe('90%');
    expect(formatTotal({ key: 'p', label: 'People', kind: 'number' }, null)).toBe('—');
  });

  it('groups rows under a heading each time the grouping column changes, and drops that column', () => {
    const rows = [{ stage: 'A', name: 'x' }, { stage: 'A', name: 'y' }, { stage: 'B', name: 'z' }];
    expect(groupRows(rows, 'stage').map((g) => [g.group, g.rows.length])).toEqual([['A', 2], ['B', 1]]);
    expect(groupRows(rows, undefined)).toEqual([{ group: null, rows }]);
    const people = statusReport.sections.find((s) => s.key === 'people')!;
    expect(shownColumns(people).map((c) => c.key)).not.toContain('stage');
  });

  it('says which sections the row limit cut, and when there is nothing at all', () => {
    const cut = result([{ key: 'people', rows: [{ name: 'x' }], total: 1204 }, { key: 'byStage', rows: [], total: 0 }]);
    expect(cutSections(statusReport, cut)).toEqual(['People onboarding: 1 of 1,204 shown']);
    expect(isEmptyResult(cut)).toBe(false);
    expect(isEmptyResult(result([{ key: 'people', rows: [], total: 0 }]))).toBe(true);
    // Every stage listed at zero is still nothing to report.
    expect(isEmptyResult({ ...result([{ key: 'byStage', rows: [{ stage: 'Active', people: 0 }], total: 13 }]), totals: { people: 0, onboarding: 0 } })).toBe(true);
  });
});
