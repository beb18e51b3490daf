import { describe, expect, it } from 'vitest';
import { auditSentences, type AuditNames } from './audit-sentence';

const names: AuditNames = {
  agencyName: (id) => ({ 1: 'River City Outreach', 2: 'Delta Recovery Services' })[id],
  accessLevelName: (id) => ({ 5: 'Read Only', 6: 'Case Manager' })[id],
  quizTitle: (id) => ({ 1: 'New User', 3: 'VI-SPDAT' })[id],
};
const say = (action: string, fields: { before?: Record<string, unknown>; after?: Record<string, unknown>; note?: string } = {}) =>
  auditSentences({ action, entity: 'person', before: fields.before ?? null, after: fields.after ?? null, note: fields.note ?? null }, names).sentences;

describe('history entries as sentences', () => {
  it('person.registered', () => expect(say('person.registered', { after: { agencyId: 1, accessLevelId: 5 } })).toEqual(['Registered at River City Outreach as Read Only.']));
  it('person.updated', () =>
    expect(say('person.updated', { before: { email: 'a@x.org', phone: null, agencyId: 1 }, after: { email: 'b@x.org', phone: '916-555-0100', agencyId: 2 } })).toEqual([
      'Changed email from a@x.org to b@x.org.', 'Set phone to 916-555-0100.', 'Changed agency from River City Outreach to Delta Recovery Services.',
    ]));
  it('person.merged and person.not_duplicate', () => {
    expect(say('person.merged')).toEqual(['Merged with another record of the same person.']);
    expect(say('person.not_duplicate')).toEqual(['Marked as a different person from a possible duplicate.']);
  });
  it('request.opened and request.updated', () => {
    expect(say('request.opened', { after: { requestId: 4, requestType: 'change_access', accessLevelId: 6, agencyId: 1 } })).toEqual(['Opened a request: Change or upgrade of access level for Case Manager.']);
    expect(say('request.updated', { before: { status: 'open' }, after: { requestId: 4, status: 'done', note: null }, note: 'Deactivation' })).toEqual(['Marked the deactivation request done.']);
  });
  it('training.sent', () =>
    expect(say('training.sent', { after: { materials: ['HMIS New User Training', 'VI-SPDAT'], quizzes: [1, 3], mailId: 2 } })).toEqual(['Sent training: HMIS New User Training, VI-SPDAT — quizzes: New User, VI-SPDAT.']));
  it('quiz.graded, quiz.marked and quiz.results_sent', () => {
    expect(say('quiz.graded', { after: { attemptId: 1, quiz: 'New User Quiz', percent: 90, passed: true } })).toEqual(['Graded the New User Quiz: 90%, passed.']);
    expect(say('quiz.marked', { before: { percent: 60, passed: false }, after: { attemptId: 1, percent: 80, passed: true } })).toEqual(['Changed the quiz score from 60%, not passed to 80%, passed.']);
    expect(say('quiz.results_sent', { after: { quiz: 'New User Quiz', percent: 60, passed: false } })).toEqual(['Sent the New User Quiz results (60%, not passed).']);
  });
  it('credentials.issued', () => {
    expect(say('credentials.issued', { after: { username: 'nokafor', newPassword: true, mailId: 7 } })).toEqual(['Issued credentials: user name nokafor, temporary password emailed.']);
    expect(say('credentials.issued', { after: { username: 'nokafor', newPassword: false, mailId: null } })).toEqual(['Updated HMIS access for nokafor (no new password).']);
  });
  it('document.attached, document.replaced, document.accepted and document.rejected', () => {
    expect(say('document.attached', { after: { fileName: 'sv.pdf', documentId: 3 }, note: 'Staff Verification' })).toEqual(['Attached the Staff Verification: sv.pdf.']);
    expect(say('document.attached', { after: { fileName: 'sv.pdf', documentId: 3, from: 'james@x.org', subject: 'Forms', message: 'Forms.msg' }, note: 'Staff Verification' })).toEqual(['Attached the Staff Verification: sv.pdf.', 'It came by email from james@x.org (“Forms”).']);
    expect(say('document.replaced', { after: { fileName: 'sv2.pdf' }, note: 'Staff Verification' })).toEqual(['Replaced the Staff Verification with sv2.pdf.']);
    expect(say('document.accepted', { before: { status: 'in_review' }, after: { status: 'accepted' }, note: 'Staff Verification (document #3, sv.pdf)' })).toEqual(['Accepted the Staff Verification.']);
    expect(say('document.rejected', { after: { status: 'rejected', reasons: 'Missing signature', note: null, mailId: 2 }, note: 'End User Agreement (document #4, eua.pdf)' })).toEqual([
      'Rejected the End User Agreement: Missing signature.', 'Emailed what to fix.',
    ]);
  });
  it('documents.reminded', () =>
    expect(say('documents.reminded', { after: { missing: ['staff_verification'], mailId: 3 } })).toEqual([expect.stringMatching(/^Sent a reminder for the missing Staff Verification/)]));
  it('an action it does not know: its name, then each change', () =>
    expect(say('quiz.retakeRequested', { before: { status: 'open' }, after: { status: 'in_review' } })).toEqual(['Retake requested.', 'Changed status from open to in review.']));
});
