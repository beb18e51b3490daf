import { col, defineReport } from './definition';

/** Training and quizzes: what was sent, how quizzes went on the first try, and what people miss. */
export const trainingReport = defineReport({
  id: 'training',
  title: 'Training and quizzes',
  description: 'Training emails sent, quiz attempts and the first-attempt pass rate, by agency and access level, and the questions missed most.',
  filters: ['dateRange', 'agency', 'accessLevel'],
  dateRangeMeans: 'Sent or taken',
  totals: [
    { key: 'sent', label: 'Trainings sent', kind: 'number' },
    { key: 'attempts', label: 'Quiz attempts', kind: 'number' },
    { key: 'firstAttempts', label: 'First attempts', kind: 'number' },
    { key: 'firstPassPct', label: 'Passed on the first attempt', kind: 'percent' },
  ],
  sections: [
    {
      key: 'byAgency',
      title: 'By agency',
      empty: 'No training was sent and no quiz was taken.',
      columns: [
        col('agency', 'Agency', 'text', 32),
        col('sent', 'Trainings sent', 'number', 10),
        col('attempts', 'Attempts', 'number', 10),
        col('firstAttempts', 'First attempts', 'number', 10),
        col('firstPassed', 'Passed first time', 'number', 10),
        col('firstPassPct', 'First-attempt pass rate', 'percent', 12),
      ],
    },
    {
      key: 'byLevel',
      title: 'By access level',
      empty: 'No training was sent and no quiz was taken.',
      columns: [
        col('accessLevel', 'Access level', 'text', 32),
        col('sent', 'Trainings sent', 'number', 10),
        col('attempts', 'Attempts', 'number', 10),
        col('firstAttempts', 'First attempts', 'number', 10),
        col('firstPassed', 'Passed first time', 'number', 10),
        col('firstPassPct', 'First-attempt pass rate', 'percent', 12),
      ],
    },
    {
      key: 'missed',
      title: 'Questions missed most',
      empty: 'No graded answer was wrong.',
      columns: [col('quiz', 'Quiz', 'text', 26), col('question', 'Question', 'text', 50), col('missed', 'Missed', 'number', 8), col('answered', 'Answered', 'number', 9), col('missedPct', 'Missed %', 'percent', 9)],
    },
  ],
  chart: { kind: 'bars', title: 'First-attempt pass rate by agency', unit: '%', series: [{ key: 'firstPassPct', label: 'Passed first time', color: 'teal.6' }] },
  landscape: false,
});
