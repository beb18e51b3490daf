import { unneutralizeCell } from '../../../shared/reports/spreadsheet-cells';

/**
 * Comparison keys for what people type on forms: case, accents, punctuation and spacing never
 * make two spellings of the same thing differ ("St. John's  Shelter" = "st johns shelter").
 */
export function textKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Access levels also treat "&" as "and" and the "w/" and "w/o" shorthand as words. */
export function levelKey(text: string): string {
  const expanded = text
    .replace(/&/g, ' and ')
    .replace(/\bw\/o\b/gi, ' without ')
    .replace(/\bw\//gi, ' with ');
  return textKey(expanded);
}

/** Header text as compared with the column synonyms ("E-mail Address *" -> "email address"). */
export function headerKey(text: string): string {
  return textKey(text.replace(/e-mail/gi, 'email'));
}

/** A person's name at an agency, for "possibly the same person". */
export function nameKey(firstName: string, lastName: string): string {
  return `${textKey(firstName)}|${textKey(lastName)}`;
}

/**
 * A cell as the importer uses it: NFC (so "é" typed two ways is one letter), no-break and
 * zero-width spaces made plain, runs of spaces collapsed, ends trimmed, export neutralising undone.
 */
const PLAIN = /^[\x20-\x7e]*$/;

export function cleanCell(raw: string): string {
  // Printable ASCII (almost every cell) has nothing to normalise or replace: the same answer, quicker.
  if (PLAIN.test(raw)) return unneutralizeCell(raw).replace(/ {2,}/g, ' ').trim();
  return unneutralizeCell(raw)
    .normalize('NFC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
