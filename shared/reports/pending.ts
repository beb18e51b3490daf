import { col, defineReport } from './definition';

/** Pending documents: who is missing which signed form, since when, and what was rejected and why. */
export const pendingReport = defineReport({
  id: 'pending',
  title: 'Pending documents',
  description: 'Signed forms still missing, waiting for review, or rejected and waiting to be sent again.',
  filters: ['dateRange', 'agency', 'accessLevel'],
  dateRangeMeans: 'Waiting since',
  totals: [
    { key: 'missing', label: 'Missing a form', kind: 'number' },
    { key: 'inReview', label: 'In review', kind: 'number' },
    { key: 'rejected', label: 'Rejected', kind: 'number' },
  ],
  sections: [
    {
      key: 'missing',
      title: 'Missing forms',
      empty: 'Nobody is missing a form.',
      columns: [
        col('name', 'Name', 'text', 24),
        col('agency', 'Agency', 'text', 28),
        col('supervisor', 'Supervisor', 'text', 20),
        col('missing', 'Missing', 'text', 34),
        col('since', 'Since', 'date', 11),
        col('days', 'Days', 'days', 7),
      ],
    },
    {
      key: 'inReview',
      title: 'Waiting for review',
      empty: 'No form is waiting for review.',
      columns: [col('name', 'Name', 'text', 24), col('agency', 'Agency', 'text', 28), col('document', 'Form', 'text', 30), col('since', 'Received', 'date', 11), col('days', 'Days', 'days', 7)],
    },
    {
      key: 'rejected',
      title: 'Rejected',
      empty: 'No form is waiting to be sent again.',
      columns: [
        col('name', 'Name', 'text', 22),
        col('agency', 'Agency', 'text', 24),
        col('document', 'Form', 'text', 26),
        col('since', 'Rejected on', 'date', 11),
        col('days', 'Days', 'days', 7),
        col('reasons', 'Why', 'text', 40),
      ],
    },
  ],
  chart: null,
  landscape: true,
});
