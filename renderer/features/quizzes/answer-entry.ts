import type { Question } from '../../../shared/domain/quiz';

/**
 * Keyboard-only answer entry, as a pure state machine so every key is tested without a browser.
 * One rule for every question type (issue 12): a key selects, Enter moves on. Digits 1–9 (or
 * letters a–l) pick an option (multiple select toggles); true/false also takes t/f and y/n.
 * Nothing moves by itself, so "key, Enter" is always one question and never skips the next one;
 * Enter on a question with no answer stays put (↓ passes it on purpose). ↑ back, Backspace
 * clears, Ctrl+Enter asks to grade (the page confirms when answers are missing).
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

function choose(state: EntryState, q: Question, option: number): EntryState {
  const current = state.answers[q.id]?.choices ?? [];
  const choices = q.type !== 'multiple' ? [option] : current.includes(option) ? current.filter((c) => c !== option) : [...current, option].sort((a, b) => a - b);
  return { ...state, answers: { ...state.answers, [q.id]: { choices } } };
}

/** A question counts as answered once it has a chosen option or typed text. */
export function isAnswered(answer: EntryAnswer | undefined): boolean {
  return Boolean(answer && (answer.choices.length > 0 || (answer.text ?? '').trim() !== ''));
}

export const answeredCount = (questions: readonly Question[], answers: EntryState['answers']) => questions.filter((q) => isAnswered(answers[q.id])).length;

export function applyKey(state: EntryState, questions: readonly Question[], input: KeyInput): EntryAction {
  const q = questions[state.index];
  if (!q) return { kind: 'none' };
  const count = questions.length;
  if (input.key === 'Enter' && (input.ctrlKey || input.metaKey)) return { kind: 'grade' };
  if (input.key === 'ArrowUp' || (input.key === 'Enter' && input.shiftKey)) return { kind: 'state', state: move(state, -1, count) };
  if (input.key === 'Enter') return isAnswered(state.answers[q.id]) ? { kind: 'state', state: move(state, 1, count) } : { kind: 'none' };
  if (input.key === 'ArrowDown') return { kind: 'state', state: move(state, 1, count) };
  if (q.type === 'short') return { kind: 'none' };
  if (input.key === 'Backspace' || input.key === 'Delete' || input.key === '0') {
    const answers = { ...state.answers };
    delete answers[q.id];
    return { kind: 'state', state: { ...state, answers } };
  }
  if (input.ctrlKey || input.metaKey) return { kind: 'none' };
  const option = optionFromKey(q, input.key);
  return option === null ? { kind: 'none' } : { kind: 'state', state: choose(state, q, option) };
}

export const keyLabel = (index: number) => String(index + 1);
