import type { Question } from '../../../../shared/domain/quiz';
import type { Answer } from '../../../../shared/grading';
import { cleanCell, textKey } from '../../intake/text-keys';

/**
 * A Forms cell as an answer to one question. Checkbox answers come joined by ", " (Google) or ";"
 * (Microsoft), and an option may itself contain a comma, so options are recognised by their whole
 * text, longest first, rather than by splitting on commas.
 */
const TRUE_WORDS = new Set(['true', 't', 'yes', 'y']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n']);

/** Case, curly quotes and spacing never make an answer differ from its option. */
const loose = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[‘’`]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

/** An option's index by its text: exact (loosely), else by its comparison key; -1 when none. */
interface OptionIndex {
  find(text: string): number;
}

function indexOptions(options: readonly string[]): OptionIndex {
  const byLoose = new Map(options.map((o, i) => [loose(o), i] as const).reverse());
  const byKey = new Map(options.map((o, i) => [textKey(o), i] as const).reverse());
  return {
    find(text) {
      const exact = byLoose.get(loose(text));
      if (exact !== undefined) return exact;
      const k = textKey(text);
      return k === '' ? -1 : (byKey.get(k) ?? -1);
    },
  };
}

const SEPARATOR = /[;,\s]/;

/** Option texts found in the cell in order, and whatever pieces no option explains. */
export function splitChoices(cell: string, options: readonly string[], index: OptionIndex = indexOptions(options)): { choices: number[]; unknown: string[] } {
  const text = loose(cell);
  const byLength = options.map((o, i) => ({ i, t: loose(o) })).sort((a, b) => b.t.length - a.t.length);
  const choices: number[] = [];
  const unknown: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    while (pos < text.length && SEPARATOR.test(text.charAt(pos))) pos += 1;
    if (pos >= text.length) break;
    const hit = byLength.find((o) => o.t !== '' && text.startsWith(o.t, pos) && /^\s*([;,]|$)/.test(text.slice(pos + o.t.length)));
    if (hit) {
      if (!choices.includes(hit.i)) choices.push(hit.i);
      pos += hit.t.length;
      continue;
    }
    const rest = text.slice(pos);
    const end = rest.search(/;|, /);
    const piece = (end < 0 ? rest : rest.slice(0, end)).trim();
    const fallback = index.find(piece);
    if (fallback >= 0 && !choices.includes(fallback)) choices.push(fallback);
    else if (fallback < 0 && piece) unknown.push(piece);
    pos += end < 0 ? rest.length : end + 1;
  }
  return { choices, unknown };
}

function trueFalse(text: string): Answer {
  const k = textKey(text);
  if (TRUE_WORDS.has(k)) return { choices: [0] };
  if (FALSE_WORDS.has(k)) return { choices: [1] };
  return { choices: [], text };
}

type AnswerParser = (raw: string) => Answer | undefined;

/**
 * A parser for one question's column. Forms exports repeat the same few answers thousands of
 * times, so each distinct cell is parsed once (10,000 responses cost a few hundred parses).
 */
export function answerParser(question: Question): AnswerParser {
  const index = indexOptions(question.options);
  const cache = new Map<string, Answer | undefined>();
  const parse = (text: string): Answer => {
    switch (question.type) {
      case 'short':
        return { text };
      case 'true_false':
        return trueFalse(text);
      case 'single': {
        const i = index.find(text);
        return i >= 0 ? { choices: [i] } : { choices: [], text };
      }
      case 'multiple': {
        const { choices, unknown } = splitChoices(text, question.options, index);
        return unknown.length ? { choices, text: unknown.join('; ') } : { choices };
      }
    }
  };
  return (raw) => {
    if (cache.has(raw)) return cache.get(raw);
    const text = cleanCell(raw);
    const answer = text === '' ? undefined : parse(text);
    if (cache.size < 5000) cache.set(raw, answer);
    return answer;
  };
}

/** Undefined for an empty cell: the question was not answered. */
export function parseAnswer(question: Question, raw: string): Answer | undefined {
  return answerParser(question)(raw);
}
