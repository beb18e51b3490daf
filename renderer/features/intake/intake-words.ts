import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, ROW_VERDICT_LABELS, type ImportField, type PreviewRow, type RowVerdict } from '../../../shared/domain/intake';
import { REQUEST_TYPE_LABELS } from '../../../shared/domain/person';

export const IGNORE = '__ignore';

/** The choices of a column's Select: every field, then "ignore". */
export const FIELD_OPTIONS = [...IMPORT_FIELDS.map((f) => ({ value: f, label: IMPORT_FIELD_LABELS[f] })), { value: IGNORE, label: 'Ignore this column' }];

export const toField = (value: string | null): ImportField | null => (value && value !== IGNORE ? (value as ImportField) : null);

export const VERDICT_COLORS: Record<RowVerdict, string> = {
  new: 'teal',
  update: 'blue',
  unchanged: 'gray',
  duplicate: 'yellow',
  already_imported: 'gray',
  invalid: 'red',
};

/** Short badge words; the full sentence is the badge's title. */
export const VERDICT_WORDS: Record<RowVerdict, string> = {
  new: 'New',
  update: 'Update',
  unchanged: 'Unchanged',
  duplicate: 'Duplicate',
  already_imported: 'Imported before',
  invalid: 'Problem',
};

export const verdictTitle = (verdict: RowVerdict) => ROW_VERDICT_LABELS[verdict];

const FIELD_WORDS: Record<string, string> = { ...IMPORT_FIELD_LABELS, agency: 'Agency', accessLevel: 'Access level', requestType: 'Request type' };

/** What the row's verdict rests on, in one or two sentences. */
export function rowDetails(row: PreviewRow): string[] {
  const lines: string[] = [];
  for (const p of row.problems) lines.push(`${FIELD_WORDS[p.field] ?? p.field}: ${p.reason}`);
  if (row.verdict === 'duplicate' && row.duplicateOfRow) lines.push(`Same email as row ${row.duplicateOfRow}.`);
  if (row.verdict === 'update') {
    for (const c of row.changes) lines.push(`${FIELD_WORDS[c.field] ?? c.field}: ${c.before ?? '(empty)'} → ${c.after ?? '(empty)'}`);
    if (row.opensRequest) lines.push(`Opens a request: ${REQUEST_TYPE_LABELS[row.opensRequest]}.`);
  }
  if (row.newAgency && row.verdict !== 'invalid') lines.push(`"${row.newAgency}" is not on the agency list yet.`);
  for (const d of row.possibleDuplicates) lines.push(`Maybe the same person as ${d.personId ? `${d.name} <${d.email}>` : `row ${d.row}`}.`);
  return lines;
}

/** What is worth a look though the row imports: "First name: "=SUM(A1)" looks like a spreadsheet formula…". */
export function rowWarnings(row: PreviewRow): string[] {
  return row.warnings.map((w) => `${FIELD_WORDS[w.field] ?? w.field}: ${w.reason}`);
}

/** Which rows the verdict filter shows. */
export const VERDICT_FILTERS = [
  { value: 'all', label: 'All rows' },
  { value: 'new', label: 'New' },
  { value: 'update', label: 'Updates' },
  { value: 'invalid', label: 'Problems' },
  { value: 'other', label: 'Skipped' },
] as const;
export type VerdictFilter = (typeof VERDICT_FILTERS)[number]['value'];

export function matchesFilter(row: PreviewRow, filter: VerdictFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'other') return row.verdict === 'duplicate' || row.verdict === 'unchanged' || row.verdict === 'already_imported';
  return row.verdict === filter;
}
