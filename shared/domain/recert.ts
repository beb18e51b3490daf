import { z } from 'zod';
import { RECERT_STATUSES } from '../recert';
import { id, isoDate, isoInstant, page } from './common';
import { recertPolicy } from './recert-policy';

export const recertStatus = z.enum(RECERT_STATUSES);

export const CERTIFICATION_KINDS = ['initial', 'recertification'] as const;

/** One certification: the first on issuing credentials, then one per passed recertification quiz. */
export const certification = z.object({
  id,
  personId: id,
  kind: z.enum(CERTIFICATION_KINDS),
  certifiedOn: isoDate,
  /** The date the next cycle counts from (see shared/recert.ts: an early pass keeps the anniversary). */
  anchorOn: isoDate,
  /** Under today's policy. */
  dueOn: isoDate,
  hmisUserName: z.string().nullable(),
  attemptId: id.nullable(),
  recordedAt: isoInstant,
  recordedBy: z.string(),
});
export type Certification = z.infer<typeof certification>;

/** Where a person stands in the yearly cycle; null fields before their first certification. */
export const recertSummary = z.object({
  personId: id,
  hmisUserName: z.string().nullable(),
  certifiedOn: isoDate.nullable(),
  dueOn: isoDate.nullable(),
  status: recertStatus.nullable(),
  lapsesOn: isoDate.nullable(),
  deactivatedOn: isoDate.nullable(),
  history: z.array(certification),
});
export type RecertSummary = z.infer<typeof recertSummary>;

export const policyView = z.object({ policy: recertPolicy, updatedAt: isoInstant.nullable() });
export const policySaveInput = z.object({ policy: recertPolicy, expectedUpdatedAt: isoInstant.nullable().optional() });

const filters = {
  agencyId: id.optional(),
  accessLevelId: id.optional(),
};

export const dueListInput = z.object({
  /** Due within this many days from today; overdue and lapsed people are included unless `statuses` says otherwise. */
  withinDays: z.number().int().min(0).max(3660).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  statuses: z.array(recertStatus).optional(),
  ...filters,
  ...page,
});

export const dueRow = z.object({
  personId: id,
  name: z.string(),
  email: z.string(),
  agencyName: z.string(),
  accessLevelName: z.string(),
  hmisUserName: z.string().nullable(),
  certifiedOn: isoDate,
  dueOn: isoDate,
  status: recertStatus,
  /** Negative once overdue. */
  daysLeft: z.number().int(),
  lastReminderOn: isoDate.nullable(),
});
export type DueRow = z.infer<typeof dueRow>;

export const calendarInput = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month like 2027-03.'), ...filters });
export const calendarMonth = z.object({
  month: z.string(),
  /** Every day of the month that has someone due, with how many. */
  days: z.array(z.object({ date: isoDate, count: z.number().int().min(1) })),
  total: z.number().int(),
});

export const remindInput = z.object({ dryRun: z.boolean().default(false) });
export const remindOutput = z.object({
  queued: z.number().int(),
  skippedAlreadySent: z.number().int(),
  /** Keyed by the offset in days from the due date ("-60", "0", "7"). */
  byOffset: z.record(z.string(), z.number().int()),
  /** What goes (or, on a dry run, would go) out today, and to whom (`cc`: the supervisor's copy of an overdue notice). */
  items: z.array(
    z.object({ personId: id, name: z.string(), dueOn: isoDate, offsetDays: z.number().int(), kind: z.enum(['reminder', 'overdue']), to: z.string(), cc: z.array(z.string()) }),
  ),
  /**
   * Reminders owed today but not sent, because the person's access level has no recertification
   * quiz with a link: a reminder without the link cannot be acted on. Once the level has one, the
   * next run sends the newest reminder then owed; nothing is lost meanwhile.
   */
  held: z.array(
    z.object({ personId: id, name: z.string(), dueOn: isoDate, offsetDays: z.number().int(), kind: z.enum(['reminder', 'overdue']), accessLevelName: z.string() }),
  ),
  /** When this process's own daily run last ran and runs next; null where none runs (the CLI, tests). */
  schedule: z.object({ lastRunAt: isoInstant.nullable(), nextRunAt: isoInstant.nullable() }).nullable(),
  /** When any run (the app's, Task Scheduler's) last queued a reminder. */
  lastQueuedAt: isoInstant.nullable(),
});
export type RemindResult = z.infer<typeof remindOutput>;

export const icsInput = z.object({ ...filters });
export const icsOutput = z.object({ fileName: z.string(), text: z.string(), events: z.number().int() });

/** Who is waiting for the office to deactivate their HMIS account, and why. */
export const deactivationTask = z.object({
  personId: id,
  name: z.string(),
  agencyName: z.string(),
  hmisUserName: z.string().nullable(),
  email: z.string(),
  supervisorName: z.string().nullable(),
  supervisorEmail: z.string().nullable(),
  reason: z.enum(['lapsed', 'requested']),
  /** Lapsed: the first day past the grace period; requested: the day the request was opened. */
  since: isoDate,
  /** A request's note (the import row, the roster check's finding) and the staff member who recorded it. */
  requestNote: z.string().nullable(),
  requestedBy: z.string().nullable(),
});
export type DeactivationTask = z.infer<typeof deactivationTask>;

export const confirmDeactivatedInput = z.object({
  personId: id,
  deactivatedOn: isoDate,
  /** Who closed the account in the HMIS; the operator when left out. */
  deactivatedBy: z.string().trim().min(1, 'Enter who deactivated the account.').max(120, 'Keep the name under 120 characters.').optional(),
  note: z.string().trim().max(500).optional(),
});
export const reactivateInput = z.object({ personId: id, note: z.string().trim().max(500).optional() });
