import { col, defineReport } from './definition';

/** Activity: what staff did in a date range, from the audit log, in sentences. */
export const activityReport = defineReport({
  id: 'activity',
  title: 'Activity',
  description: 'What staff recorded in the date range, newest first, in words.',
  filters: ['dateRange', 'agency'],
  dateRangeMeans: 'Recorded',
  defaultRangeDays: 30,
  totals: [
    { key: 'entries', label: 'Entries', kind: 'number' },
    { key: 'operators', label: 'Staff', kind: 'number' },
  ],
  sections: [
    {
      key: 'byOperator',
      title: 'By staff member',
      empty: 'Nothing was recorded in these dates.',
      columns: [col('operator', 'Staff member', 'text', 24), col('entries', 'Entries', 'number', 10), col('first', 'First', 'date', 11), col('last', 'Last', 'date', 11)],
    },
    {
      key: 'entries',
      title: 'Entries',
      empty: 'Nothing was recorded in these dates.',
      columns: [col('at', 'When', 'text', 17), col('operator', 'Staff member', 'text', 16), col('about', 'About', 'text', 24), col('what', 'What happened', 'text', 60)],
    },
  ],
  chart: null,
  landscape: false,
});
