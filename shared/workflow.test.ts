import { describe, expect, it } from 'vitest';
import { REQUEST_TYPES } from './domain/person';
import { deriveStage, STAGE_LABELS, STAGES } from './workflow';

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
