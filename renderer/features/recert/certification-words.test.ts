import { describe, expect, it } from 'vitest';
import { certificationEarned, certificationSentence, recordedByOf } from './certification-words';

describe('certificationEarned', () => {
  it('names the quiz attempt that earned a certification', () => {
    const attempt = { quizTitle: 'New User Quiz', tryNumber: 2, percent: 90, takenOn: '2026-11-30' };
    expect(certificationEarned({ kind: 'initial', attemptId: 7 }, attempt)).toBe('Credentials issued after passing “New User Quiz” (try 2, 90%, taken Nov 30, 2026)');
    expect(certificationEarned({ kind: 'recertification', attemptId: 8 }, { ...attempt, quizTitle: 'Annual Recertification', tryNumber: 1 })).toBe('Passed “Annual Recertification” (first try, 90%, taken Nov 30, 2026)');
  });

  it('still says how when the attempt is not known (credentials issued without a recorded quiz)', () => {
    expect(certificationEarned({ kind: 'initial', attemptId: null }, undefined)).toBe('Credentials issued');
    expect(certificationEarned({ kind: 'recertification', attemptId: 3 }, undefined)).toBe('Recertification quiz passed');
  });
});

describe('certificationSentence', () => {
  const s = { dueOn: '2026-12-08', lapsesOn: '2027-01-08', deactivatedOn: null };
  it('says what comes next for each status', () => {
    expect(certificationSentence(s, 'current', '2026-01-10')).toBe('Certified. The next recertification is due Dec 8, 2026 (in 11 months).');
    expect(certificationSentence(s, 'due', '2026-11-26')).toContain('due Dec 8, 2026 (in 12 days)');
    expect(certificationSentence(s, 'overdue', '2026-12-17')).toBe('Recertification was due Dec 8, 2026 (9 days overdue). Unless the recertification quiz is passed, the account lapses on Jan 8, 2027.');
    expect(certificationSentence(s, 'lapsed', '2027-01-20')).toContain('The HMIS account is to be deactivated');
    expect(certificationSentence({ ...s, deactivatedOn: '2027-01-21' }, 'deactivated', '2027-02-01')).toBe('Deactivated on Jan 21, 2027. Reactivating restarts the person at training.');
  });
});

describe('recordedByOf', () => {
  const audit = [
    { at: '2027-10-20T16:00:00.000Z', operator: 'm.chen', action: 'quiz.graded', after: { attemptId: 9 } },
    { at: '2027-10-21T09:00:00.000Z', operator: 'a.lee', action: 'quiz.results_sent', after: { attemptId: 9 } },
    { at: '2026-12-01T16:00:00.000Z', operator: 'j.rivera', action: 'credentials.issued', after: { attemptId: 4 } },
    { at: '2026-12-01T15:00:00.000Z', operator: 'm.chen', action: 'quiz.graded', after: { attemptId: 4 } },
  ];
  it('names who issued the credentials or graded the recertification quiz', () => {
    expect(recordedByOf({ kind: 'initial', attemptId: 4, recordedAt: '2026-12-01T16:00:00.000Z' }, audit)).toBe('j.rivera');
    expect(recordedByOf({ kind: 'recertification', attemptId: 9, recordedAt: '2027-10-20T16:00:00.000Z' }, audit)).toBe('m.chen');
  });
  it('says nothing when the history does not tell (sample data written without audit)', () => {
    expect(recordedByOf({ kind: 'recertification', attemptId: 77, recordedAt: '2025-01-01T00:00:00.000Z' }, audit)).toBeNull();
  });
});
