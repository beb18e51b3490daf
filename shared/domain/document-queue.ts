import { z } from 'zod';
import { id, isoDate, isoInstant, page, sortDirection } from './common';
import { documentKind, rejectReason } from './document';

/**
 * The Pending documents queue has three sections, each answering one question:
 * who has not sent a form yet, which forms wait for us, which forms wait for a corrected copy.
 */
export const PENDING_SECTIONS = ['missing', 'review', 'rejected'] as const;
export const pendingSection = z.enum(PENDING_SECTIONS);
export type PendingSection = z.infer<typeof pendingSection>;

export const PENDING_SECTION_LABELS: Record<PendingSection, string> = {
  missing: 'Missing documents',
  review: 'Awaiting review',
  rejected: 'Rejected — awaiting resubmission',
};

export const pendingListInput = z.object({
  section: pendingSection.default('missing'),
  agencyId: id.optional(),
  /** By waiting time: `desc` puts who has waited longest first. */
  direction: sortDirection.default('desc'),
  ...page,
});
export type PendingListInput = z.input<typeof pendingListInput>;

export const pendingRow = z.object({
  personId: id,
  personName: z.string(),
  email: z.string(),
  agencyId: id,
  agencyName: z.string(),
  registeredOn: isoDate,
  /** Missing: the kinds not received. Review / rejected: the one document's kind. */
  kinds: z.array(documentKind),
  documentId: id.nullable(),
  fileName: z.string().nullable(),
  /** Registration (missing), upload (review) or rejection (rejected). */
  waitingSince: z.string(),
  daysWaiting: z.number().int(),
  rejectReasons: z.array(rejectReason),
  lastReminderAt: isoInstant.nullable(),
  /** Review and rejected: how many checks found a problem, and how many ask to look by eye. */
  findingCounts: z.object({ problems: z.number().int(), checks: z.number().int() }).nullable(),
});
export type PendingRow = z.infer<typeof pendingRow>;

export const pendingCounts = z.object({ missing: z.number().int(), review: z.number().int(), rejected: z.number().int() });

export const pendingListOutput = z.object({ total: z.number().int(), items: z.array(pendingRow), counts: pendingCounts });
export type PendingListOutput = z.infer<typeof pendingListOutput>;

export const remindInput = z.object({
  personIds: z.array(id).min(1, 'Choose at least one person to remind.').max(500, 'Send at most 500 reminders at a time.'),
});

export const remindOutput = z.object({
  queued: z.number().int(),
  /** People not reminded, with why (e.g. nothing missing any more). */
  skipped: z.array(z.object({ personId: id, reason: z.string() })),
});
export type RemindOutput = z.infer<typeof remindOutput>;

/** The HTTP host takes 64 MB per request, and base64 makes a file a third larger. */
export const MAX_DOCUMENT_MB_LIMIT = 40;
export const MAX_DOCUMENT_PAGES_LIMIT = 2000;

/** Limits on what is read at all; office-editable in Settings. */
export const documentLimits = z.object({
  maxMegabytes: z.number().int('Use a whole number of megabytes.').min(1, 'Allow at least 1 MB.').max(MAX_DOCUMENT_MB_LIMIT, `At most ${MAX_DOCUMENT_MB_LIMIT} MB.`),
  maxPages: z.number().int('Use a whole number of pages.').min(1, 'Allow at least 1 page.').max(MAX_DOCUMENT_PAGES_LIMIT, `At most ${MAX_DOCUMENT_PAGES_LIMIT} pages.`),
});
export type DocumentLimits = z.infer<typeof documentLimits>;

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = { maxMegabytes: 25, maxPages: 200 };
