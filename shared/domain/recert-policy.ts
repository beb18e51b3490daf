import { z } from 'zod';

const dayCount = (label: string) => z.number().int(`Enter the ${label} as a whole number of days.`).min(0, `The ${label} cannot be negative.`).max(366, `Keep the ${label} within a year (366 days).`);

/**
 * How the office runs the yearly recertification (Settings → Recertification). Dates are derived
 * from it and each person's last certification, never stored by hand, so a changed policy applies
 * to everyone at once.
 */
export const recertPolicy = z.object({
  /** Each person's own anniversary, or one annual deadline for everyone (e.g. 30 June). */
  cycle: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('anniversary'), months: z.number().int().min(1).max(36) }),
    z.object({ kind: z.literal('fixed_deadline'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
  ]),
  /** Reminders this many days before the due date (0 = on the day). */
  reminderDaysBefore: z.array(dayCount('reminder day')).max(10, 'Keep to ten reminders or fewer.'),
  /** Overdue notices this many days after the due date. */
  overdueDaysAfter: z.array(dayCount('overdue notice day').min(1, 'An overdue notice comes at least one day after the due date.')).max(10, 'Keep to ten notices or fewer.'),
  /** From the due date until lapsed (then the account is to be deactivated in the HMIS). */
  graceDays: dayCount('grace period'),
  /** "Due" (rather than "due soon") within this many days of the due date. */
  dueWithinDays: dayCount('"due" window'),
  copySupervisorOnOverdue: z.boolean(),
  /** The End User Agreement is signed again at each recertification. */
  resignAgreement: z.boolean(),
});

export type RecertPolicy = z.infer<typeof recertPolicy>;

export const DEFAULT_RECERT_POLICY: RecertPolicy = {
  cycle: { kind: 'anniversary', months: 12 },
  reminderDaysBefore: [60, 30, 14, 7, 0],
  overdueDaysAfter: [7, 14],
  graceDays: 30,
  dueWithinDays: 30,
  copySupervisorOnOverdue: true,
  resignAgreement: false,
};
