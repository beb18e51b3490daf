import { describe, expect, it } from 'vitest';
import { REQUEST_TYPES } from './domain/person';
import { deriveStage, STAGE_LABELS, STAGES, type DocumentState } from './workflow';

describe('deriveStage', () => {
  it('puts a newly registered user in "awaiting documents"', () => {
    expect(deriveStage({ requestType: 'new_user' }, '2026-11-28')).toBe('awaiting_documents');
    expect(STAGE_LABELS.awaiting_documents).toBe('Registered — awaiting documents');
  });

  it('puts a deactivation request on the deactivation list', () => {
    expect(deriveStage({ requestType: 'deactivation' }, '2026-11-28')).toBe('deactivation_requested');
  });

  it('always answers with a known stage', () => {
    for (const requestType of REQUEST_TYPES) expect(STAGES).toContain(deriveStage({ requestType }, '2026-01-01'));
  });
});

describe('deriveStage with documents', () => {
  const facts = (staffVerification: DocumentState, endUserAgreement: DocumentState) => ({ requestType: 'new_user' as const, documents: { staffVerification, endUserAgreement } });

  it('follows the two forms: awaiting, in review, rejected, accepted', () => {
    expect(deriveStage(facts('missing', 'missing'), '2026-11-28')).toBe('awaiting_documents');
    expect(deriveStage(facts('accepted', 'missing'), '2026-11-28')).toBe('awaiting_documents');
    expect(deriveStage(facts('in_review', 'missing'), '2026-11-28')).toBe('documents_in_review');
    expect(deriveStage(facts('rejected', 'accepted'), '2026-11-28')).toBe('documents_rejected');
    // The office can act on a form in review now; the rejected one waits for the sender.
    expect(deriveStage(facts('rejected', 'in_review'), '2026-11-28')).toBe('documents_in_review');
    expect(deriveStage(facts('accepted', 'accepted'), '2026-11-28')).toBe('documents_accepted');
    expect(STAGE_LABELS.documents_accepted).toBe('Documents accepted — ready for training');
  });

  it('keeps a deactivation request on the deactivation list whatever its documents', () => {
    expect(deriveStage({ ...facts('accepted', 'accepted'), requestType: 'deactivation' }, '2026-11-28')).toBe('deactivation_requested');
  });
});
