import { describe, expect, it } from 'vitest';
import { deriveStage, type TrainingFacts } from './workflow';

const at = (h: number) => `2026-11-28T${String(h).padStart(2, '0')}:00:00.000Z`;
const facts = (t: Partial<TrainingFacts>) => ({ requestType: 'new_user' as const, training: { sentAt: null, quizzesOutstanding: 0, passedAt: null, credentialsIssuedAt: null, ...t } });

describe('deriveStage: training, quiz, credentials', () => {
  it('moves from training sent to quiz passed to active on its own facts', () => {
    expect(deriveStage(facts({ sentAt: at(9), quizzesOutstanding: 1 }), '2026-11-28')).toBe('training_sent');
    expect(deriveStage(facts({ sentAt: at(9), quizzesOutstanding: 1, passedAt: at(10) }), '2026-11-28')).toBe('training_sent');
    expect(deriveStage(facts({ sentAt: at(9), passedAt: at(10) }), '2026-11-28')).toBe('quiz_passed');
    expect(deriveStage(facts({ sentAt: at(9), passedAt: at(10), credentialsIssuedAt: at(11) }), '2026-11-28')).toBe('active');
  });

  it('starts a new round when training is sent after credentials (an upgrade)', () => {
    expect(deriveStage(facts({ sentAt: at(12), quizzesOutstanding: 1, passedAt: at(10), credentialsIssuedAt: at(11) }), '2026-11-28')).toBe('training_sent');
  });

  it('still puts a deactivation request first', () => {
    expect(deriveStage({ ...facts({ credentialsIssuedAt: at(11) }), requestType: 'deactivation' }, '2026-11-28')).toBe('deactivation_requested');
  });
});
