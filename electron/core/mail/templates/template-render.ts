import Handlebars from 'handlebars';
import type { TemplateProblem } from '../../../../shared/domain/mail';
import { checkTemplate } from './template-check';

export interface TemplateContent {
  subject: string;
  text: string;
  html: string;
}

const env = Handlebars.create();

// One formatter for every message: building an Intl.DateTimeFormat costs far more than using it,
// and a reminder run renders thousands of dates (npm run bench).
const LONG_DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** `{{date dueDate}}` → "April 15, 2026": the office reads dates, not ISO strings. */
env.registerHelper('date', (value: unknown) => {
  if (typeof value !== 'string') return '';
  const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(parsed.getTime())) return value;
  return LONG_DATE.format(parsed);
});

type Compiled = (data: unknown) => string;
const cache = new Map<string, Compiled>();
const CACHE_LIMIT = 200;

/**
 * HTML is escaped (a last name like `<b>Smith` shows as text); the subject and plain text are not,
 * or "O'Brien" would arrive as "O&#x27;Brien". Only the helpers the checker allows are known, so a
 * template cannot reach anything else.
 */
function compiled(source: string, escape: boolean): Compiled {
  const key = `${escape ? 'h' : 't'}\u0000${source}`;
  let fn = cache.get(key);
  if (!fn) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    fn = env.compile(source, { noEscape: !escape, knownHelpers: { date: true }, knownHelpersOnly: true, strict: false });
    cache.set(key, fn);
  }
  return fn;
}

const SIGNATURE = /\{\{\s*office\.signature\s*\}\}/;

/**
 * Every email ends with the office's signature: a template that does not place it itself (an
 * edited one, where it was deleted) gets it appended as a footer.
 */
export function withSignature(content: TemplateContent): TemplateContent {
  return {
    subject: content.subject,
    text: SIGNATURE.test(content.text) ? content.text : `${content.text.trimEnd()}\n\n{{office.signature}}\n`,
    html: SIGNATURE.test(content.html) ? content.html : `${content.html.trimEnd()}\n<p style="white-space: pre-line">{{office.signature}}</p>\n`,
  };
}

export function renderTemplate(content: TemplateContent, data: Record<string, unknown>): TemplateContent {
  return {
    // A subject is one header line: a placeholder holding a line break must not split it.
    subject: compiled(content.subject, false)(data).replace(/\s*[\r\n]+\s*/g, ' ').trim(),
    text: compiled(content.text, false)(data),
    html: compiled(content.html, true)(data),
  };
}

/** Every problem of every part, to show beside the field it is in. */
export function templateProblems(content: TemplateContent, sample: Record<string, unknown>): TemplateProblem[] {
  return [
    ...checkTemplate(content.subject, sample, { html: false }).map((message) => ({ field: 'subject' as const, message })),
    ...checkTemplate(content.text, sample, { html: false }).map((message) => ({ field: 'text' as const, message })),
    ...checkTemplate(content.html, sample, { html: true }).map((message) => ({ field: 'html' as const, message })),
  ];
}
