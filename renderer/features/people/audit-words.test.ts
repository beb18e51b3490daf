import { describe, expect, it } from 'vitest';
import { actionWords, describeChanges, registrationSummary, type AuditLookups } from './audit-words';

const lookups: AuditLookups = {
  agencyName: (id) => ({ 1: 'Sacramento Steps Forward', 2: 'Wind Youth Services' })[id],
  accessLevelName: (id) => ({ 5: 'Read Only', 6: 'Agency Manager' })[id],
};

describe('audit words', () => {
  it('names actions in words, including ones later features add', () => {
    expect(actionWords('person.registered')).toBe('Registered');
    expect(actionWords('person.updated')).toBe('Details changed');
    expect(actionWords('documents.attached')).toBe('Attached');
    expect(actionWords('quiz.retakeRequested')).toBe('Retake requested');
  });

  it('describes each changed field as before -> after with names instead of ids', () => {
    const changes = describeChanges(
      { before: { email: 'a@x.org', agencyId: 1, phone: null, requestType: 'new_user' }, after: { email: 'b@x.org', agencyId: 2, phone: '916-555-0100', requestType: 'deactivation' } },
      lookups,
    );
    expect(changes).toEqual([
      { field: 'email', label: 'Email', before: 'a@x.org', after: 'b@x.org' },
      { field: 'agencyId', label: 'Agency', before: 'Sacramento Steps Forward', after: 'Wind Youth Services' },
      { field: 'phone', label: 'Phone', before: '(empty)', after: '916-555-0100' },
      { field: 'requestType', label: 'Request type', before: 'New user', after: 'Deactivation' },
    ]);
  });

  it('falls back to the id for an agency it does not know', () => {
    expect(describeChanges({ before: { agencyId: 9 }, after: { agencyId: 1 } }, lookups)[0]?.before).toBe('agency #9');
  });

  it('summarises a registration', () => {
    expect(registrationSummary({ after: { agencyId: 1, accessLevelId: 6 } }, lookups)).toBe('At Sacramento Steps Forward as Agency Manager');
    expect(registrationSummary({ after: null }, lookups)).toBeNull();
  });
});
