import { z } from 'zod';
import { STAGES } from '../workflow';
import { email, id, isoDate, isoInstant, optionalEmail, optionalText, page, phone, sortDirection, trimmed } from './common';

export const REQUEST_TYPES = ['new_user', 'change_access', 'additional_agency', 'deactivation'] as const;
export const requestType = z.enum(REQUEST_TYPES);
export type RequestType = z.infer<typeof requestType>;
export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  new_user: 'New user',
  change_access: 'Change or upgrade of access level',
  additional_agency: 'Additional agency',
  deactivation: 'Deactivation',
};

const personFields = {
  firstName: trimmed('first name', 80),
  lastName: trimmed('last name', 80),
  email,
  phone,
  agencyId: id,
  supervisorName: optionalText('supervisor name', 120),
  supervisorEmail: optionalEmail,
  accessLevelId: id,
  requestType,
  registeredOn: isoDate.optional(),
  notes: optionalText('notes', 4000),
};

// The default lives on create only: on a partial update a zod default would silently reset the
// request type of every person whose edit did not touch it.
export const personCreateInput = z.object({ ...personFields, requestType: requestType.default('new_user') });
export type PersonCreateInput = z.input<typeof personCreateInput>;

export const personUpdateInput = z.object({
  id,
  /** The `updatedAt` the editor saw: a save over someone else's newer edit is refused, not lost. */
  expectedUpdatedAt: isoInstant.optional(),
  changes: z.object(personFields).partial(),
});
export type PersonUpdateInput = z.input<typeof personUpdateInput>;

export const person = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  agencyId: id,
  agencyName: z.string(),
  supervisorName: z.string().nullable(),
  supervisorEmail: z.string().nullable(),
  accessLevelId: id,
  accessLevelName: z.string(),
  requestType,
  registeredOn: isoDate,
  notes: z.string().nullable(),
  stage: z.enum(STAGES),
  /** The due date of the latest certification under the recertification policy; null before the first. */
  recertDueOn: isoDate.nullable(),
  /** The date of the latest certification (credentials issued, or a recertification quiz passed); null before the first. */
  certifiedOn: isoDate.nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Person = z.infer<typeof person>;

export const PERSON_SORT_FIELDS = ['name', 'email', 'agency', 'accessLevel', 'registeredOn', 'stage', 'recertDueOn'] as const;

/**
 * The master list's "Due" filter, always among people still active (never the deactivated):
 * due in the next N days (today included, not yet overdue), overdue within the grace period, or lapsed.
 */
export const PERSON_DUE_FILTERS = ['next_30', 'next_60', 'next_90', 'overdue', 'lapsed'] as const;
export type PersonDueFilter = (typeof PERSON_DUE_FILTERS)[number];

export const personListInput = z.object({
  search: z.string().trim().max(200).optional(),
  agencyId: id.optional(),
  accessLevelId: id.optional(),
  stage: z.enum(STAGES).optional(),
  /** Certified people due for recertification within this many days of today (overdue included). */
  dueWithinDays: z.number().int().min(0).max(3660).optional(),
  due: z.enum(PERSON_DUE_FILTERS).optional(),
  sort: z.enum(PERSON_SORT_FIELDS).default('name'),
  direction: sortDirection.default('asc'),
  ...page,
});
export type PersonListInput = z.input<typeof personListInput>;
