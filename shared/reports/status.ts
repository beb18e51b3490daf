import { col, defineReport } from './definition';

/** Onboarding status: where everyone stands, by stage and agency, and who has waited longest. */
export const statusReport = defineReport({
  id: 'status',
  title: 'Onboarding status',
  description: 'Everyone registered, by stage and agency; the people still onboarding, longest waiting first.',
  filters: ['dateRange', 'agency', 'accessLevel'],
  dateRangeMeans: 'Registered',
  totals: [
    { key: 'people', label: 'People', kind: 'number' },
    { key: 'onboarding', label: 'Onboarding', kind: 'number' },
    { key: 'active', label: 'Active', kind: 'number' },
    { key: 'medianDaysOnboarding', label: 'Median days onboarding', kind: 'number' },
  ],
  sections: [
    {
      key: 'byStage',
      title: 'By stage',
      empty: 'Nobody is registered.',
      columns: [col('stage', 'Stage', 'text', 40), col('people', 'People', 'number', 10), col('share', 'Share', 'percent', 10), col('oldestDays', 'Longest wait (days)', 'days', 14)],
    },
    {
      key: 'byAgency',
      title: 'By agency',
      empty: 'Nobody is registered.',
      columns: [
        col('agency', 'Agency', 'text', 30),
        col('people', 'People', 'number', 8),
        col('awaitingDocuments', 'Awaiting documents', 'number', 10),
        col('inReview', 'In review', 'number', 9),
        col('rejected', 'Rejected', 'number', 9),
        col('readyForTraining', 'Ready for training', 'number', 10),
        col('trainingSent', 'Training sent', 'number', 9),
        col('quizPassed', 'Quiz passed', 'number', 9),
        col('active', 'Active', 'number', 8),
        col('leaving', 'Deactivating or deactivated', 'number', 12),
      ],
    },
    {
      key: 'people',
      title: 'People onboarding',
      empty: 'Nobody is onboarding.',
      groupBy: 'stage',
      columns: [
        col('stage', 'Stage', 'text', 30),
        col('name', 'Name', 'text', 24),
        col('agency', 'Agency', 'text', 28),
        col('accessLevel', 'Access level', 'text', 28),
        col('registeredOn', 'Registered', 'date', 11),
        col('since', 'In stage since', 'date', 11),
        col('daysInStage', 'Days in stage', 'days', 8),
      ],
    },
  ],
  chart: { kind: 'funnel', title: 'People by stage', unit: 'people', series: [{ key: 'people', label: 'People', color: 'blue.6' }] },
  landscape: true,
});
