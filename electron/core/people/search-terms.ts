/**
 * Turns what a person types into an FTS5 query: each word becomes a quoted prefix term, all must
 * match. Quoting means FTS5 syntax (AND, NEAR, *, ") typed by a user is searched as text, never
 * run as a query. The same word splitting as the unicode61 tokenizer: letters and digits.
 */
export function ftsPrefixQuery(typed: string): string | null {
  const words = typed.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}
