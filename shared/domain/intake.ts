import { z } from 'zod';
import { id, isoInstant, trimmed } from './common';
import { requestType } from './person';

/** What a column of a registrations file can be. `fullName` is split into first and last name. */
export const IMPORT_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'agency',
  'supervisorName',
  'supervisorEmail',
  'accessLevel',
  'requestType',
  'registeredOn',
  'notes',
] as const;
export const importField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof importField>;

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name (first and last)',
  email: 'Email',
  phone: 'Phone',
  agency: 'Agency',
  supervisorName: 'Supervisor name',
  supervisorEmail: 'Supervisor email',
  accessLevel: 'Access level',
  requestType: 'Request type',
  registeredOn: 'Registered date',
  notes: 'Notes',
};

/** Without these a row cannot become a person (names may come from first+last or a full name). */
export const REQUIRED_IMPORT_FIELDS = ['email', 'agency', 'accessLevel'] as const satisfies readonly ImportField[];

/** Files larger than this are surely not a registrations export (10,000 rows of CSV are ~2 MB). */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

/** Any Uint8Array (a Node Buffer too); z.instanceof would demand one backed by a plain ArrayBuffer. */
export const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'Attach the file contents.' });

const fileBytes = bytes
  .refine((b) => b.byteLength > 0, 'The file is empty.')
  .refine((b) => b.byteLength <= MAX_IMPORT_BYTES, 'The file is larger than 25 MB; split it or export fewer columns.');

/** The file and how to read its columns: by position (`columns`), a saved mapping, or guessed. */
export const importSource = z.object({
  fileName: trimmed('file name', 255),
  bytes: fileBytes,
  /** One entry per column, in file order: the field it holds, or null to ignore it. */
  columns: z.array(importField.nullable()).max(500).optional(),
  mappingName: z.string().trim().min(1).max(80).optional(),
});

export const ROW_VERDICTS = ['new', 'update', 'unchanged', 'duplicate', 'already_imported', 'invalid'] as const;
export const rowVerdict = z.enum(ROW_VERDICTS);
export type RowVerdict = z.infer<typeof rowVerdict>;

export const ROW_VERDICT_LABELS: Record<RowVerdict, string> = {
  new: 'New person',
  update: 'Update of a person on the list',
  unchanged: 'Already on the list, nothing differs',
  duplicate: 'Repeats an earlier row of this file',
  already_imported: 'Imported before',
  invalid: 'Cannot be imported',
};

export const rowProblem = z.object({ field: z.string(), reason: z.string() });
export type RowProblem = z.infer<typeof rowProblem>;

export const importColumn = z.object({
  index: z.number().int().min(0),
  header: z.string(),
  field: importField.nullable(),
  /** How the field was chosen: guessed from the header, from the saved mapping, or set by the user. */
  source: z.enum(['guess', 'mapping', 'user', 'none']),
  /** The first few values, so the user can see what the column holds. */
  samples: z.array(z.string()),
});
export type ImportColumn = z.infer<typeof importColumn>;

export const fieldChange = z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() });

export const previewRow = z.object({
  /** As a spreadsheet shows it: the header is row 1. */
  row: z.number().int().min(1),
  verdict: rowVerdict,
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  agency: z.string().nullable(),
  accessLevel: z.string().nullable(),
  requestType,
  registeredOn: z.string().nullable(),
  problems: z.array(rowProblem),
  /** Imported anyway, but worth a look first (a name that looks like a spreadsheet formula). */
  warnings: z.array(rowProblem),
  existingPersonId: id.nullable(),
  /** For an update: what would change on the person. */
  changes: z.array(fieldChange),
  /** For a duplicate: the earlier row with the same email. */
  duplicateOfRow: z.number().int().nullable(),
  /** Same name at the same agency with another email: maybe the same person. */
  possibleDuplicates: z.array(z.object({ personId: id.nullable(), row: z.number().int().nullable(), name: z.string(), email: z.string() })),
  /** The agency is not on the list yet: it is created only if the user confirms it. */
  newAgency: z.string().nullable(),
  /** A request this row would open on an existing person (upgrade, deactivation, another agency). */
  opensRequest: requestType.nullable(),
});
export type PreviewRow = z.infer<typeof previewRow>;

export const importPreview = z.object({
  fileName: z.string(),
  fileSha256: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sheet: z.string().nullable(),
  columns: z.array(importColumn),
  /** Required fields no column is mapped to: import is refused until they are. */
  missingFields: z.array(importField),
  rows: z.array(previewRow),
  counts: z.record(rowVerdict, z.number().int()),
  newAgencies: z.array(z.object({ name: z.string(), rows: z.number().int() })),
  accessLevels: z.array(z.string()),
  /** This exact file was imported before (by SHA-256). */
  previousImport: z.object({ at: isoInstant, operator: z.string(), fileName: z.string() }).nullable(),
  mappingName: z.string().nullable(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const intakeImportInput = importSource.extend({
  /** What to do with rows whose email is already on the list, unless `decisions` says otherwise. */
  existing: z.enum(['update', 'skip']).default('update'),
  decisions: z.array(z.object({ row: z.number().int().min(1), action: z.enum(['update', 'skip']) })).max(200_000).default([]),
  /** Agency names from the preview the user agreed to add to the list. */
  createAgencies: z.array(z.string().trim().min(1).max(120)).max(1000).default([]),
  dryRun: z.boolean().default(false),
});
export type IntakeImportInput = z.input<typeof intakeImportInput>;

export const importResult = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  /** Rows repeating an earlier row of the file, and rows of people on the list the user skipped. */
  duplicates: z.number().int(),
  unchanged: z.number().int(),
  alreadyImported: z.number().int(),
  invalid: z.array(z.object({ row: z.number().int(), field: z.string(), reason: z.string() })),
  agenciesCreated: z.array(z.string()),
  possibleDuplicates: z.number().int(),
  batchId: id.nullable(),
  dryRun: z.boolean(),
  /** One sentence for the office: what happened, or why nothing changed. */
  message: z.string(),
});
export type ImportResult = z.infer<typeof importResult>;

export const mappingName = trimmed('mapping name', 80);

export const savedMapping = z.object({
  name: z.string(),
  /** By header text, so next month's export with the columns in another order still fits. */
  columns: z.array(z.object({ header: z.string(), field: importField.nullable() })),
  updatedAt: isoInstant,
});
export type SavedMapping = z.infer<typeof savedMapping>;

export const mappingSaveInput = z.object({
  name: mappingName,
  columns: z.array(z.object({ header: z.string().max(300), field: importField.nullable() })).min(1).max(500),
});

export const accessLevelSynonym = z.object({
  synonym: z.string(),
  accessLevelId: id,
  accessLevelName: z.string(),
});
export type AccessLevelSynonym = z.infer<typeof accessLevelSynonym>;

export const synonymSaveInput = z.object({ synonym: trimmed('synonym', 120), accessLevelId: id });
