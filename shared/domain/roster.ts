import { z } from 'zod';
import { id, trimmed } from './common';
import { bytes, MAX_IMPORT_BYTES } from './intake';

/** What a column of the HMIS vendor's user export can hold. */
export const ROSTER_FIELDS = ['userName', 'firstName', 'lastName', 'fullName', 'email', 'agency', 'accessLevel', 'status', 'lastLogin'] as const;
export const rosterField = z.enum(ROSTER_FIELDS);
export type RosterField = z.infer<typeof rosterField>;

export const ROSTER_FIELD_LABELS: Record<RosterField, string> = {
  userName: 'HMIS user name',
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name',
  email: 'Email',
  agency: 'Agency',
  accessLevel: 'Access level / role',
  status: 'Status (active/inactive)',
  lastLogin: 'Last login',
};

/**
 * Stages whose person holds a current certification, so an active HMIS account is expected.
 * Issue 10's recertification stages after 'active' count until the person lapses; a stage not
 * listed (lapsed, deactivated, anything before credentials) is not certified.
 */
export const CERTIFIED_STAGES: readonly string[] = ['active', 'recert_due_soon', 'recert_due', 'recert_overdue'];

export function countsAsCertified(stage: string): boolean {
  return CERTIFIED_STAGES.includes(stage);
}

/** What the roster check finds, in the order the report shows them (the audit's usual finding first). */
export const ROSTER_FINDINGS = ['to_deactivate', 'no_account', 'mismatch', 'probable_match', 'inactive_in_hmis', 'duplicate', 'incomplete_row'] as const;
export const rosterFinding = z.enum(ROSTER_FINDINGS);
export type RosterFinding = z.infer<typeof rosterFinding>;

export const ROSTER_FINDING_LABELS: Record<RosterFinding, string> = {
  to_deactivate: 'Active in the HMIS, not certified here — to deactivate',
  no_account: 'Certified here, no HMIS account',
  mismatch: 'Account and person differ',
  probable_match: 'Probable match by name and agency only',
  inactive_in_hmis: 'Inactive in the HMIS, certified here',
  duplicate: 'Repeated account in the file',
  incomplete_row: 'Row without user name or email',
};

const rosterFileBytes = bytes
  .refine((b) => b.byteLength > 0, 'The file is empty.')
  .refine((b) => b.byteLength <= MAX_IMPORT_BYTES, 'The file is larger than 25 MB; export fewer columns.');

export const rosterSource = z.object({
  fileName: trimmed('file name', 255),
  bytes: rosterFileBytes,
  /** One entry per column, in file order: the field it holds, or null to ignore it. Guessed when left out. */
  columns: z.array(rosterField.nullable()).max(500).optional(),
});
export type RosterSource = z.input<typeof rosterSource>;

export const rosterColumn = z.object({
  index: z.number().int().min(0),
  header: z.string(),
  field: rosterField.nullable(),
  source: z.enum(['guess', 'user', 'none']),
  samples: z.array(z.string()),
});
export type RosterColumn = z.infer<typeof rosterColumn>;

/** One account as the vendor's file has it; blanks are empty strings. */
export const rosterRow = z.object({
  /** As a spreadsheet shows it: the header is row 1. */
  row: z.number().int().min(1),
  userName: z.string(),
  name: z.string(),
  email: z.string(),
  agency: z.string(),
  accessLevel: z.string(),
  status: z.string(),
  lastLogin: z.string(),
  /** Whether the status reads as an active account (no status column: every account is active). */
  active: z.boolean(),
});
export type RosterRow = z.infer<typeof rosterRow>;

export const rosterPreview = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  columns: z.array(rosterColumn),
  rows: z.array(rosterRow),
  totalRows: z.number().int(),
});
export type RosterPreview = z.infer<typeof rosterPreview>;

export const rosterLine = z.object({
  kind: rosterFinding,
  /** The account the line is about; null for a certified person with no account. */
  rosterRow: rosterRow.nullable(),
  personId: id.nullable(),
  personName: z.string().nullable(),
  detail: z.string(),
});
export type RosterLine = z.infer<typeof rosterLine>;

export const rosterReport = z.object({
  fileName: z.string(),
  rows: z.number().int(),
  certifiedPeople: z.number().int(),
  counts: z.record(rosterFinding, z.number().int()),
  lines: z.array(rosterLine),
});
export type RosterReport = z.infer<typeof rosterReport>;

export const rosterFile = z.object({ fileName: z.string(), contentType: z.string(), bytes, rows: z.number().int() });
