import { describe, expect, it } from 'vitest';
import { question } from '../../../shared/domain/quiz';
import { answeredCount, applyKey, type EntryState } from './answer-entry';

const questions = [
  question.parse({ id: 'a', type: 'single', text: 'A?', options: ['x', 'y', 'z'], correct: [1] }),
  question.parse({ id: 'b', type: 'multiple', text: 'B?', options: ['x', 'y', 'z'], correct: [0, 2] }),
  question.parse({ id: 'c', type: 'true_false', text: 'C?', correct: [1] }),
  question.parse({ id: 'd', type: 'single', text: 'D?', options: ['x', 'y'], correct: [0] }),
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

describe('keyboard answer entry: a key selects, Enter moves on', () => {
  it('enters a whole quiz as key, Enter for every question type', () => {
    const { state, graded } = press(['2', 'Enter', '3', '1', 'Enter', 'f', 'Enter', '1', { key: 'Enter', ctrlKey: true }]);
    expect(state.answers).toEqual({ a: { choices: [1] }, b: { choices: [0, 2] }, c: { choices: [1] }, d: { choices: [0] } });
    expect(graded).toBe(true);
  });

  it('never skips a question: a single choice stays on its question, and Enter on a blank one stays put', () => {
    expect(press(['2']).state.index).toBe(0);
    expect(press(['2', 'Enter']).state.index).toBe(1);
    expect(press(['2', 'Enter', 'Enter']).state.index).toBe(1);
    expect(press(['2', 'ArrowDown', 'ArrowDown']).state.index).toBe(2); // ↓ passes a question on purpose
  });

  it('changes a single choice in place, toggles, clears, goes back, and ignores keys that are no option', () => {
    expect(press(['1', '3']).state.answers).toEqual({ a: { choices: [2] } });
    const { state } = press(['2', 'Enter', '1', '1', '9', 'q', 'ArrowUp', 'Backspace']);
    expect(state).toEqual({ index: 0, answers: { b: { choices: [] } } });
  });

  it('counts answered questions: a chosen option or typed text', () => {
    expect(answeredCount(questions, { a: { choices: [1] }, b: { choices: [] }, c: { choices: [], text: '  ' } })).toBe(1);
  });
});
