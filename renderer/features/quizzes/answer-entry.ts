import type { Question } from '../../../shared/domain/quiz';

/**
 * Keyboard-only answer entry, as a pure state machine so every key is tested without a browser.
 * Digits 1–9 (or letters a–l) pick an option; true/false also takes t/f and y/n. A single choice
 * moves on by itself; multiple select toggles and waits for Enter. Enter/↓ next, ↑ back,
 * Backspace clears, Ctrl+Enter grades.
 */
export interface EntryAnswer {
  choices: number[];
  text?: string;
}

export interface EntryState {
  index: number;
  answers: Record<string, EntryAnswer>;
}

export type EntryAction = { kind: 'state'; state: EntryState } | { kind: 'grade' } | { kind: 'none' };

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
}

const LETTERS = 'abcdefghijkl';

export function optionFromKey(question: Question, key: string): number | null {
  const k = key.toLowerCase();
  if (question.type === 'true_false') {
    if (k === 't' || k === 'y') return 0;
    if (k === 'f' || k === 'n') return 1;
  }
  const n = /^[1-9]$/.test(k) ? Number(k) - 1 : LETTERS.indexOf(k);
  return n >= 0 && n < question.options.length ? n : null;
}

const move = (state: EntryState, by: number, count: number): EntryState => ({ ...state, index: Math.min(count - 1, Math.max(0, state.index + by)) });

function choose(state: EntryState, q: Question, option: number, count: number): EntryState {
  const current = state.answers[q.id]?.choices ?? [];
  if (q.type === 'multiple') {
    const choices = current.includes(option) ? current.filter((c) => c !== option) : [...current, option].sort((a, b) => a - b);
    return { ...state, answers: { ...state.answers, [q.id]: { choices } } };
  }
  return move({ ...state, answers: { ...state.answers, [q.id]: { choices: [option] } } }, 1, count);
}

export function applyKey(state: EntryState, questions: readonly Question[], input: KeyInput): EntryAction {
  const q = questions[state.index];
  if (!q) return { kind: 'none' };
  const count = questions.length;
  if (input.key === 'Enter' && (input.ctrlKey || input.metaKey)) return { kind: 'grade' };
  if (input.key === 'ArrowUp' || (input.key === 'Enter' && input.shiftKey)) return { kind: 'state', state: move(state, -1, count) };
  if (input.key === 'Enter' || input.key === 'ArrowDown') return { kind: 'state', state: move(state, 1, count) };
  if (q.type === 'short') return { kind: 'none' };
  if (input.key === 'Backspace' || input.key === 'Delete' || input.key === '0') {
    const answers = { ...state.answers };
    delete answers[q.id];
    return { kind: 'state', state: { ...state, answers } };
  }
  if (input.ctrlKey || input.metaKey) return { kind: 'none' };
  const option = optionFromKey(q, input.key);
  return option === null ? { kind: 'none' } : { kind: 'state', state: choose(state, q, option, count) };
}

export const keyLabel = (index: number) => String(index + 1);
