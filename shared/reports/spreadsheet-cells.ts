/**
 * Cells for spreadsheets staff open in Excel, shared by the master-list export, the roster
 * findings, intake (which undoes it on the way back in) and every report.
 *
 * CSV has no types: Excel reads a cell starting with = + - @ (or a tab or carriage return) as a
 * formula, so a name typed on a form as "=HYPERLINK(…)" would run (OWASP CSV injection). CSV
 * cells are therefore prefixed with `'`, which Excel shows as text. XLSX cells are typed: a
 * string cell is never a formula, so XLSX gets the value exactly as it is, with no `'` to confuse
 * a reader or a sum (issue 13).
 */

/** Leading apostrophes are looked through, so a value that itself starts with "'=" gets one more and neutralising stays exactly reversible. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Prefixes a CSV cell a spreadsheet would run as a formula with `'`, so it shows as text. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes neutralizeCell on the way in, so an exported list imports back to the same values. */
export function unneutralizeCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** A report cell for CSV: numbers as digits (a negative number is a number, not a formula), text neutralised, empty for none. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : neutralizeCell(value);
}

/** A report cell for XLSX: numbers stay numbers, text stays exactly the text (typed cells never run). */
export function xlsxCell(value: string | number | null | undefined): string | number | null {
  return value === undefined ? null : value;
}
