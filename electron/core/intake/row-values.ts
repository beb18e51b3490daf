import { createHash } from 'node:crypto';
import type { ImportField, RowProblem } from '../../../shared/domain/intake';
import { email, optionalEmail, optionalText, phone, trimmed } from '../../../shared/domain/common';
import { REQUEST_TYPE_LABELS, type RequestType } from '../../../shared/domain/person';
import { orderedName } from '../../../shared/person-name';
import { cleanEmail, parseRequestType, parseUsDate, splitFullName } from './cell-values';
import type { Lookups } from './lookups';
import { cleanCell, levelKey, textKey } from './text-keys';
import type { TableRow } from './table';

export type RawValues = Partial<Record<ImportField, string>>;

export interface PreparedRow {
  number: number;
  raw: RawValues;
  hash: string;
}

export function prepareRows(rows: readonly TableRow[], columns: readonly (ImportField | null)[]): PreparedRow[] {
  return rows.map((row) => {
    const raw = rawValues(row, columns);
    return { number: row.number, raw, hash: rowHash(raw) };
  });
}

/** First and last name from their columns or a full-name one, "Lee, Dana" in reading order. */
function rowName(raw: RawValues): { firstName: string; lastName: string } {
  const names = raw.fullName && !(raw.firstName && raw.lastName) ? splitFullName(raw.fullName) : null;
  return orderedName(raw.firstName ?? names?.firstName ?? '', raw.lastName ?? names?.lastName ?? '');
}

/** What to look up in the database for these rows: their emails, hashes and family names. */
export function lookupKeys(rows: readonly PreparedRow[]): { emails: string[]; hashes: string[]; lastNames: string[] } {
  const emails: string[] = [];
  const lastNames: string[] = [];
  for (const { raw } of rows) {
    if (raw.email) emails.push(cleanEmail(raw.email).toLowerCase());
    const last = rowName(raw).lastName;
    if (last) lastNames.push(last);
  }
  return { emails, hashes: rows.map((r) => r.hash), lastNames };
}

/** A row that passed every check: what a person made from it would hold. */
export interface RowValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  /** Null while the agency is not on the list yet (preview only). */
  agencyId: number | null;
  agencyName: string;
  supervisorName: string | null;
  supervisorEmail: string | null;
  accessLevelId: number;
  accessLevelName: string;
  requestType: RequestType;
  registeredOn: string;
  notes: string | null;
}

/** The mapped cells of a row, cleaned; empty cells are left out (a blank never clears data). */
function rawValues(row: TableRow, columns: readonly (ImportField | null)[]): RawValues {
  const values: RawValues = {};
  columns.forEach((field, index) => {
    if (!field) return;
    const text = cleanCell(row.cells[index] ?? '');
    if (text !== '' && values[field] === undefined) values[field] = text;
  });
  return values;
}

/**
 * Identifies a registration regardless of column order or extra columns, so a cumulative
 * export (every response since the form opened) skips the rows imported last month.
 */
export function rowHash(values: RawValues): string {
  const keys = (Object.keys(values) as ImportField[]).sort();
  return createHash('sha256').update(JSON.stringify(keys.map((k) => [k, values[k]]))).digest('hex');
}

const schemas = {
  firstName: trimmed('first name', 80),
  lastName: trimmed('last name', 80),
  email,
  phone,
  supervisorName: optionalText('supervisor name', 120),
  supervisorEmail: optionalEmail,
  notes: optionalText('notes', 4000),
};

/** Parses with the same rules as the Add person form, collecting a problem instead of throwing. */
function check<K extends keyof typeof schemas>(field: K, value: string | undefined, problems: RowProblem[]) {
  const result = schemas[field].safeParse(value ?? '');
  if (result.success) return result.data;
  problems.push({ field, reason: result.error.issues[0]?.message ?? 'This value is not valid.' });
  return undefined;
}

const TYPE_NAMES = Object.values(REQUEST_TYPE_LABELS).join(', ');

/** Turns a row's cells into person values with the same validation as the form, or problems. */
export function validateRow(raw: RawValues, lookups: Lookups): { values: RowValues | null; problems: RowProblem[]; newAgency: string | null } {
  const problems: RowProblem[] = [];
  const named = rowName(raw);
  const firstName = check('firstName', named.firstName || undefined, problems);
  const lastName = check('lastName', named.lastName || undefined, problems);
  const mail = check('email', cleanEmail(raw.email ?? ''), problems);
  const phoneNumber = check('phone', raw.phone, problems);
  const supervisorName = check('supervisorName', raw.supervisorName, problems);
  const supervisorEmail = check('supervisorEmail', cleanEmail(raw.supervisorEmail ?? ''), problems);
  const notes = check('notes', raw.notes, problems);

  for (const [field, value] of [['firstName', firstName], ['lastName', lastName]] as const) {
    // Excel's plain CSV save turns letters outside Windows-1252 into "?"; such a name is not the person's name.
    if (value && /[?\uFFFD]/.test(value)) problems.push({ field, reason: `"${value}" has letters the file lost (shown as ?). Save the sheet as "CSV UTF-8" and import that.` });
  }
  const agencyName = raw.agency ?? '';
  const agency = agencyName ? lookups.agencies.get(textKey(agencyName)) : undefined;
  if (!agencyName) problems.push({ field: 'agency', reason: 'Enter the agency.' });
  if (agencyName.length > 120) problems.push({ field: 'agency', reason: 'Keep the agency name under 120 characters.' });

  const level = raw.accessLevel ? lookups.levels.get(levelKey(raw.accessLevel)) : undefined;
  if (!raw.accessLevel) problems.push({ field: 'accessLevel', reason: `Enter the access level. Known levels: ${lookups.levelNames.join(', ')}.` });
  else if (!level) {
    problems.push({
      field: 'accessLevel',
      reason: `"${raw.accessLevel}" is not a known access level. Known levels: ${lookups.levelNames.join(', ')}. If it means one of them, add it as a synonym.`,
    });
  }
  const requestType = parseRequestType(raw.requestType ?? '');
  if (!requestType) problems.push({ field: 'requestType', reason: `"${raw.requestType}" is not a request type. Use one of: ${TYPE_NAMES}.` });
  const registeredOn = raw.registeredOn ? parseUsDate(raw.registeredOn) : lookups.today;
  if (!registeredOn) problems.push({ field: 'registeredOn', reason: `"${raw.registeredOn}" is not a date. Use a date like 11/3/2026 or 2026-11-03.` });

  const newAgency = agencyName && !agency && agencyName.length <= 120 ? agencyName : null;
  if (problems.length || !firstName || !lastName || !mail || !level || !requestType || !registeredOn) return { values: null, problems, newAgency };
  return {
    values: {
      firstName,
      lastName,
      email: mail,
      phone: phoneNumber ?? null,
      agencyId: agency?.id ?? null,
      agencyName: agency?.name ?? agencyName,
      supervisorName: supervisorName ?? null,
      supervisorEmail: supervisorEmail ?? null,
      accessLevelId: level.id,
      accessLevelName: level.name,
      requestType,
      registeredOn,
      notes: notes ?? null,
    },
    problems,
    newAgency,
  };
}
