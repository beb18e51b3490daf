import { z } from 'zod';

export const id = z.number().int().positive();

/** Calendar date as the office means it (no time zone): `YYYY-MM-DD`. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-31.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'This is not a real calendar date.');

/** An instant in time, always UTC ISO-8601 (`2026-11-28T17:20:00.000Z`). */
export const isoInstant = z.string().datetime({ offset: false });

/**
 * SQLite's text functions stop at a NUL character, so `length(trim(x))` in a CHECK sees "\u0000…"
 * as empty and the write failed as an internal error (found by the hostile suite): refused here.
 */
// The character class is built from a string so the regex has no control character literal in it.
const NO_NUL = new RegExp(`^[^${String.fromCharCode(0)}]*$`);
const nulSentence = (label: string) => `The ${label} contains an invisible NUL character, which cannot be saved. Type it again instead of pasting it.`;

export const trimmed = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(max, `Keep the ${label} under ${max} characters.`)
    .regex(NO_NUL, nulSentence(label));

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${label} under ${max} characters.`)
    .regex(NO_NUL, nulSentence(label))
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

/**
 * Deliberately practical rather than RFC 5322: one @, a dot in the domain, no spaces.
 * That is what catches the typos staff actually make when copying from an email.
 */
export const email = z
  .string()
  .trim()
  .max(254, 'An email address cannot be longer than 254 characters.')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter a complete email address, like name@agency.org.');

export const optionalEmail = z
  .union([email, z.literal('').transform(() => null), z.null()])
  .optional();

export const phone = z
  .string()
  .trim()
  .max(40, 'Keep the phone number under 40 characters.')
  .regex(/^[0-9+().\-\s x]*$/i, 'Use digits, spaces and ( ) - + in a phone number.')
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();

export const sortDirection = z.enum(['asc', 'desc']);

export const page = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

export const paged = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item) });
