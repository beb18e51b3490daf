import { describe, expect, it } from 'vitest';
import { question } from '../../../shared/domain/quiz';
import { applyKey, type EntryState } from './answer-entry';

const questions = [
  question.parse({ id: 'a', type: 'single', text: 'A?', options: ['x', 'y', 'z'], correct: [1] }),
  question.parse({ id: 'b', type: 'multiple', text: 'B?', options: ['x', 'y', 'z'], correct: [0, 2] }),
  question.parse({ id: 'c', type: 'true_false', text: 'C?', correct: [1] }),
];

function press(keys: (string | { key: string; ctrlKey?: boolean; shiftKey?: boolean })[]): { state: EntryState; graded: boolean } {
  let state: EntryState = { index: 0, answers: {} };
  let graded = false;
  for (const k of keys) {
    const action = applyKey(state, questions, typeof k === 'string' ? { key: k } : k);
    if (action.kind === 'state') state = action.state;
    if (action.kind === 'grade') graded = true;
  }
  return { state, graded };
}

describe('keyboard answer entry', () => {
  it('enters a whole quiz from the keyboard: a single choice moves on, a multiple select waits for Enter', () => {
    const { state, graded } = press(['2', '3', '1', 'Enter', 'f', { key: 'Enter', ctrlKey: true }]);
    expect(state.answers).toEqual({ a: { choices: [1] }, b: { choices: [0, 2] }, c: { choices: [1] } });
    expect(graded).toBe(true);
  });

  it('toggles, clears, goes back, and ignores keys that are no option', () => {
    const { state } = press(['b', '1', '1', '9', 'q', 'ArrowUp', 'Backspace']);
    expect(state).toEqual({ index: 0, answers: { b: { choices: [] } } });
  });
});
