import requestTypes from '../../../resources/intake/request-types.json' with { type: 'json' };
import { REQUEST_TYPES, type RequestType } from '../../../shared/domain/person';
import { textKey } from './text-keys';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoIfReal(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Two-digit years on registrations are this century: "3/1/26" is 2026. */
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** Excel's serial day numbers (a date column pasted as numbers): days since 1899-12-30. */
function fromSerial(serial: number): string | null {
  if (serial < 20_000 || serial > 80_000) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Dates as forms and spreadsheets write them in the US: 2026-11-03 (with or without a time),
 * 11/3/2026 and 11/03/26 (month first, optionally with a time, as Google and Microsoft Forms
 * stamp them), Nov 3, 2026 (Jotform), or an Excel serial number. Null when it is none of these
 * or not a real calendar day.
 */
export function parseUsDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(t);
  if (m) return isoIfReal(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?:[ ,T].*)?$/.exec(t);
  if (m) return isoIfReal(fullYear(m[3] ?? ''), Number(m[1]), Number(m[2]));
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})(?:[ ,T].*)?$/.exec(t);
  if (m) {
    const month = MONTHS.indexOf((m[1] ?? '').slice(0, 3).toLowerCase()) + 1;
    return month > 0 ? isoIfReal(Number(m[3]), month, Number(m[2])) : null;
  }
  if (/^\d{5}(\.\d+)?$/.test(t)) return fromSerial(Number(t));
  return null;
}

/** "Garcia, Maria" or "Maria Del Carmen Garcia": the family name is after a comma's left side, else the last word. */
export function splitFullName(full: string): { firstName: string; lastName: string } {
  const comma = full.indexOf(',');
  if (comma > 0) return { lastName: full.slice(0, comma).trim(), firstName: full.slice(comma + 1).trim() };
  const space = full.lastIndexOf(' ');
  if (space < 0) return { firstName: '', lastName: full.trim() };
  return { firstName: full.slice(0, space).trim(), lastName: full.slice(space + 1).trim() };
}

const ORDER = requestTypes.order as RequestType[];
const WORDS = requestTypes.words as Record<RequestType, string[]>;

/**
 * A request-type cell in the words a form uses ("Upgrade of access level", "Deactivate user").
 * Empty means a new user, the common case. Undefined when no type's words appear.
 */
export function parseRequestType(text: string): RequestType | undefined {
  const key = textKey(text.replace(/_/g, ' '));
  if (key === '') return 'new_user';
  const exact = REQUEST_TYPES.find((type) => type.replace(/_/g, ' ') === key);
  if (exact) return exact;
  const padded = ` ${key}`;
  return ORDER.find((type) => WORDS[type].some((word) => padded.includes(` ${word}`)));
}

/** An email as typed on a form, without the "mailto:" a hyperlink cell brings along. */
export function cleanEmail(text: string): string {
  return text.replace(/^mailto:/i, '').trim();
}
