import type { PreviewRow, RowProblem, RowVerdict } from '../../../shared/domain/intake';
import type { ExistingPerson, Lookups } from './lookups';
import { planUpdate, type UpdatePlan } from './plan-update';
import { validateRow, type PreparedRow, type RawValues, type RowValues } from './row-values';
import { nameKey, textKey } from './text-keys';

type PossibleDuplicate = PreviewRow['possibleDuplicates'][number];

export interface JudgedRow {
  row: number;
  hash: string;
  raw: RawValues;
  verdict: RowVerdict;
  values: RowValues | null;
  problems: RowProblem[];
  newAgency: string | null;
  existing: ExistingPerson | null;
  plan: UpdatePlan | null;
  duplicateOfRow: number | null;
  possibleDuplicates: PossibleDuplicate[];
}

interface JudgeOptions {
  /** At import, an agency still not on the list (not confirmed) makes the row invalid. */
  strictAgencies: boolean;
}

/**
 * The verdict of every row, in file order. The first row with an email wins; later rows with
 * the same email are duplicates of it. A row imported before (same hash) is not imported again,
 * even if the person was edited since: the office's edit is newer than the form.
 */
export function judgeRows(rows: readonly PreparedRow[], lookups: Lookups, options: JudgeOptions): JudgedRow[] {
  return rows.map(createRowJudge(lookups, options));
}

/** `judgeRows` one row at a time, in file order, so a long import can yield between slices. */
export function createRowJudge(lookups: Lookups, options: JudgeOptions): (row: PreparedRow) => JudgedRow {
  const firstRowByEmail = new Map<string, number>();
  const newNames = new Map<string, PossibleDuplicate[]>();
  return ({ number, raw, hash }) => {
    const { values, problems, newAgency } = validateRow(raw, lookups);
    if (values && newAgency && options.strictAgencies) {
      problems.push({ field: 'agency', reason: `"${newAgency}" is not on the agency list. Confirm adding it in the preview, or correct the name.` });
    }
    const judged: JudgedRow = {
      row: number,
      hash,
      raw,
      verdict: 'invalid',
      values: problems.length ? null : values,
      problems,
      newAgency,
      existing: null,
      plan: null,
      duplicateOfRow: null,
      possibleDuplicates: [],
    };
    if (!judged.values) return judged;
    const emailKey = judged.values.email.toLowerCase();
    const earlier = firstRowByEmail.get(emailKey);
    if (earlier !== undefined) return { ...judged, verdict: 'duplicate', duplicateOfRow: earlier };
    firstRowByEmail.set(emailKey, judged.row);
    if (lookups.importedHashes.has(judged.hash)) return { ...judged, verdict: 'already_imported' };
    const existing = lookups.existingByEmail.get(emailKey);
    if (existing) {
      const plan = planUpdate(existing, judged.values);
      return { ...judged, existing, plan, verdict: plan.changes.length || plan.request ? 'update' : 'unchanged' };
    }
    return { ...judged, verdict: 'new', possibleDuplicates: findPossibleDuplicates(judged, lookups, newNames) };
  };
}

/** A form re-sent many times must not make every row list every other one. */
const MAX_POSSIBLE = 5;

/** Same name at the same agency with another email, on the list or earlier in this file. */
function findPossibleDuplicates(judged: JudgedRow, lookups: Lookups, newNames: Map<string, PossibleDuplicate[]>): PossibleDuplicate[] {
  const v = judged.values;
  if (!v) return [];
  const key = `${nameKey(v.firstName, v.lastName)}|${v.agencyId ?? textKey(v.agencyName)}`;
  const onList = (lookups.namesAtAgency.get(key) ?? []).slice(0, MAX_POSSIBLE).map((p) => ({ personId: p.id, row: null, name: p.name, email: p.email }));
  let inFile = newNames.get(key);
  if (!inFile) newNames.set(key, (inFile = []));
  const found = [...onList, ...inFile.slice(0, MAX_POSSIBLE - onList.length)];
  inFile.push({ personId: null, row: judged.row, name: `${v.firstName} ${v.lastName}`, email: v.email });
  return found;
}

const FORMULA_START = /^[=+\-@]/;

/**
 * A name starting with = + - @ is how a spreadsheet formula begins: a form field pasted from a
 * sheet, or an attempt to run one when the list is exported and opened. It still imports (a
 * hyphenated name may be real), but the preview says so.
 */
export function rowWarnings(j: Pick<JudgedRow, 'values' | 'raw'>): RowProblem[] {
  const names = [
    ['firstName', j.values?.firstName ?? j.raw.firstName ?? j.raw.fullName],
    ['lastName', j.values?.lastName ?? j.raw.lastName],
  ] as const;
  return names.filter(([, value]) => value && FORMULA_START.test(value)).map(([field, value]) => ({ field, reason: `"${value}" looks like a spreadsheet formula. Check the name before importing.` }));
}

export function toPreviewRow(j: JudgedRow): PreviewRow {
  const v = j.values;
  // An invalid row shows what was typed, so the user can find it in the file.
  return {
    row: j.row,
    verdict: j.verdict,
    firstName: v?.firstName ?? j.raw.firstName ?? j.raw.fullName ?? null,
    lastName: v?.lastName ?? j.raw.lastName ?? null,
    email: v?.email ?? j.raw.email ?? null,
    agency: v?.agencyName ?? j.raw.agency ?? null,
    accessLevel: v?.accessLevelName ?? j.raw.accessLevel ?? null,
    requestType: v?.requestType ?? 'new_user',
    registeredOn: v?.registeredOn ?? null,
    problems: j.problems,
    warnings: rowWarnings(j),
    existingPersonId: j.existing?.id ?? null,
    changes: j.verdict === 'update' ? (j.plan?.changes ?? []) : [],
    duplicateOfRow: j.duplicateOfRow,
    possibleDuplicates: j.possibleDuplicates,
    newAgency: j.newAgency,
    opensRequest: j.verdict === 'update' ? (j.plan?.request?.type ?? null) : null,
  };
}
