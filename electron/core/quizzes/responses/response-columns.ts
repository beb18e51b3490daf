import { textKey } from '../../intake/text-keys';
import type { Question } from '../../../../shared/domain/quiz';

/**
 * The columns of a Forms responses export, sorted into what identifies the response and what
 * answers a question. Google Forms (CSV): Timestamp, Email Address, Score ("7 / 10"), then one
 * column per question. Microsoft Forms (XLSX): ID, Start time, Completion time, Email, Name, then
 * per question its answer column and, for quizzes, "Points - …" and "Feedback - …" columns.
 */
export type ResponsesFormat = 'google_forms' | 'microsoft_forms';

export interface ResponseColumns {
  format: ResponsesFormat;
  email: number;
  /** When the response was submitted (Timestamp / Completion time). */
  date: number | null;
  name: number | null;
  /** Microsoft's response ID: with the email, what makes a response the same response next month. */
  responseId: number | null;
  /** Header index -> header text, for every column that may answer a question. */
  questions: Map<number, string>;
}

const EMAIL = new Set(['email address', 'email', 'e mail', 'e mail address', 'username', 'respondent email']);
const DATE = ['completion time', 'timestamp', 'submitted at', 'submission time'];
const NAME = new Set(['name', 'full name', 'respondent', 'your name']);
/** Not questions: what Forms adds around the answers, and identity questions offices ask. */
const META = new Set([
  'id', 'start time', 'completion time', 'timestamp', 'last modified time', 'score', 'total points', 'quiz feedback', 'points', 'feedback',
  'grade posted to learners', 'feedback posted to learners', 'first name', 'last name', 'agency', 'agency name', 'submitted at', 'submission time',
]);
/** Microsoft's per-question "Points - Q" / "Feedback - Q", and Google Sheets' "Q [Score]" / "Q [Feedback]". */
const PER_QUESTION_EXTRA = /^(points|feedback)\s+[-–:]\s+|\[(score|feedback|points)\]\s*$/i;

export function classifyColumns(headers: readonly string[], tableFormat: 'csv' | 'xlsx'): ResponseColumns | { problem: string } {
  const keys = headers.map((h) => textKey(h));
  const email = keys.findIndex((k) => EMAIL.has(k));
  if (email < 0) {
    return { problem: 'has no email column ("Email Address" in Google Forms, "Email" in Microsoft Forms), so responses cannot be matched to people. Turn on "Collect email addresses" in the form and export again.' };
  }
  const dateKey = DATE.find((d) => keys.includes(d));
  const microsoft = tableFormat === 'xlsx' || keys.includes('completion time') || keys.includes('start time');
  const questions = new Map<number, string>();
  headers.forEach((header, i) => {
    const k = keys[i] ?? '';
    if (k === '' || i === email || EMAIL.has(k) || NAME.has(k) || META.has(k) || PER_QUESTION_EXTRA.test(header.trim())) return;
    questions.set(i, header);
  });
  const nameIndex = keys.findIndex((k) => NAME.has(k));
  const idIndex = keys.indexOf('id');
  return {
    format: microsoft ? 'microsoft_forms' : 'google_forms',
    email,
    date: dateKey ? keys.indexOf(dateKey) : null,
    name: nameIndex < 0 ? null : nameIndex,
    responseId: microsoft && idIndex >= 0 ? idIndex : null,
    questions,
  };
}

/**
 * Header -> question id by text, ignoring case, punctuation and spacing; then, for what is left, a
 * header that contains a question's text or is contained in it ("1. Who may know your password"),
 * when exactly one question fits.
 */
export function matchQuestions(headers: ReadonlyMap<number, string>, questions: readonly Question[]): Map<number, string> {
  const matched = new Map<number, string>();
  const taken = new Set<string>();
  const qKeys = questions.map((q) => ({ id: q.id, key: textKey(q.text) }));
  for (const [index, header] of headers) {
    const key = textKey(header);
    const exact = qKeys.find((q) => q.key === key && !taken.has(q.id));
    if (exact) {
      matched.set(index, exact.id);
      taken.add(exact.id);
    }
  }
  for (const [index, header] of headers) {
    if (matched.has(index)) continue;
    const key = textKey(header);
    if (key.length < 8) continue;
    const fits = qKeys.filter((q) => !taken.has(q.id) && q.key.length >= 8 && (key.includes(q.key) || q.key.includes(key)));
    if (fits.length === 1 && fits[0]) {
      matched.set(index, fits[0].id);
      taken.add(fits[0].id);
    }
  }
  return matched;
}
