/** Text helpers for recognition: the comparisons forms need, where spelling and layout vary. */

/** Lower-case, no accents, and any run of spaces, underscores or punctuation as one space. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bw\/o\b/g, 'without')
    .replace(/\bw\//g, 'with ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A field name like `supervisorSignature` or `Supervisor_Signature[0]` read as words. */
export function fieldWords(name: string): string {
  return normalize(name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/\[\d+\]/g, ' ').replace(/\./g, ' '));
}

/** Does `haystack` (normalized) contain `phrase` as whole words? Pass `normalized` when it already is. */
export function hasPhrase(haystack: string, phrase: string, normalized = false): boolean {
  const p = normalized ? phrase : normalize(phrase);
  return p !== '' && ` ${haystack} `.includes(` ${p} `);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex finding `phrase:` in raw text, tolerant of case, spacing, underscores and apostrophes. */
export function labelRegex(phrase: string): RegExp {
  const words = normalize(phrase).split(' ').map(escape);
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join(`[\\s_\\-'’.]*`)}\\s*:`, 'giu');
}

/** What is written on a line, without the blanks printed for it: null for "____" or nothing. */
export function cleanValue(text: string | null | undefined): string | null {
  const value = (text ?? '').replace(/_{2,}/g, ' ').replace(/\s+/g, ' ').trim();
  return value === '' || /^[\s_.\-/]*$/.test(value) ? null : value;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;

export function emailsIn(text: string): string[] {
  return [...text.matchAll(EMAIL)].map((m) => m[0].toLowerCase());
}

/** First and last name from "Ngozi A. Okafor", "Okafor, Ngozi" or "/s/ Ngozi Okafor". */
export function splitName(text: string): { first: string; last: string } | null {
  const raw = text.replace(/^\s*\/s\/\s*/i, '').trim();
  const [before, after] = raw.includes(',') ? raw.split(',', 2).map((s) => s.trim()) : [raw, ''];
  const ordered = after ? `${after} ${before}` : (before ?? '');
  const words = normalize(ordered).split(' ').filter((w) => w.length > 1 || /\p{L}/u.test(w));
  if (words.length < 2) return null;
  return { first: words[0] as string, last: words[words.length - 1] as string };
}

/** Same person by name: first and last names equal once accents, case and middle names are set aside. */
export function sameName(text: string, firstName: string, lastName: string): boolean {
  const read = splitName(text);
  if (!read) return false;
  const lastWords = normalize(lastName).split(' ');
  return read.first === normalize(firstName).split(' ')[0] && lastWords.includes(read.last);
}
