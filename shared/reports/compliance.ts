import { col, defineReport } from './definition';

/** Recertification compliance: per agency, how many active users are current, and who is not. */
export const complianceReport = defineReport({
  id: 'compliance',
  title: 'Recertification compliance',
  description: 'Active HMIS users by agency: current, due in the next 30 days, overdue and lapsed, and the people behind each number.',
  filters: ['agency', 'accessLevel'],
  dateRangeMeans: null,
  totals: [
    { key: 'active', label: 'Active users', kind: 'number' },
    { key: 'currentPct', label: 'Current', kind: 'percent' },
    { key: 'due30', label: 'Due in 30 days', kind: 'number' },
    { key: 'overdue', label: 'Overdue', kind: 'number' },
    { key: 'lapsed', label: 'Lapsed', kind: 'number' },
  ],
  sections: [
    {
      key: 'byAgency',
      title: 'By agency',
      empty: 'No agency has active users.',
      columns: [
        col('agency', 'Agency', 'text', 32),
        col('active', 'Active users', 'number', 10),
        col('current', 'Current', 'number', 10),
        col('currentPct', 'Current %', 'percent', 10),
        col('due30', 'Due in 30 days', 'number', 10),
        col('overdue', 'Overdue', 'number', 10),
        col('lapsed', 'Lapsed', 'number', 10),
      ],
    },
    {
      key: 'people',
      title: 'Due, overdue and lapsed',
      empty: 'Everyone is current for more than 30 days.',
      groupBy: 'agency',
      columns: [
        col('agency', 'Agency', 'text', 28),
        col('name', 'Name', 'text', 24),
        col('accessLevel', 'Access level', 'text', 26),
        col('hmisUserName', 'HMIS user name', 'text', 16),
        col('certifiedOn', 'Certified on', 'date', 11),
        col('dueOn', 'Due on', 'date', 11),
        col('status', 'Status', 'text', 12),
        col('daysLeft', 'Days left', 'days', 8),
      ],
    },
  ],
  chart: {
    kind: 'stacked',
    title: 'Active users by agency',
    unit: 'people',
    series: [
      { key: 'current', label: 'Current', color: 'teal.6' },
      { key: 'overdue', label: 'Overdue', color: 'orange.6' },
      { key: 'lapsed', label: 'Lapsed', color: 'red.7' },
    ],
  },
  landscape: true,
});
