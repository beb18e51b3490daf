import { z } from 'zod';
import { id, isoInstant, optionalText, page } from './common';
import { bytes } from './intake';
import { person, personListInput, requestType } from './person';

/**
 * A request on a person's record (new user, change of access level, additional agency,
 * deactivation), with a status of its own. The person's `requestType` is the type of their
 * latest request that is not cancelled: that is the fact the workflow stage reads.
 */
export const REQUEST_STATUSES = ['open', 'in_progress', 'completed', 'cancelled'] as const;
export const requestStatus = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof requestStatus>;

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const personRequest = z.object({
  id,
  personId: id,
  personName: z.string(),
  personEmail: z.string(),
  type: requestType,
  status: requestStatus,
  /** The level asked for (for a change of access: the new level). */
  accessLevelId: id.nullable(),
  accessLevelName: z.string().nullable(),
  /** For a change of access: the level before it, so training can send only what the new one adds. */
  previousAccessLevelId: id.nullable(),
  previousAccessLevelName: z.string().nullable(),
  /** For an additional agency: that agency; otherwise the person's agency when asked. */
  agencyId: id.nullable(),
  agencyName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  closedAt: isoInstant.nullable(),
});
export type PersonRequest = z.infer<typeof personRequest>;

export const requestListInput = z.object({
  personId: id.optional(),
  type: requestType.optional(),
  /** `active` = open or in progress: the office's work queue. */
  status: z.enum([...REQUEST_STATUSES, 'active']).optional(),
  ...page,
});

export const requestCreateInput = z
  .object({
    personId: id,
    type: requestType,
    /** Required for a change of access level: the level asked for. */
    accessLevelId: id.optional(),
    /** Required for an additional agency. */
    agencyId: id.optional(),
    note: optionalText('note', 2000),
  })
  .refine((r) => r.type !== 'change_access' || r.accessLevelId !== undefined, { message: 'Choose the access level asked for.', path: ['accessLevelId'] })
  .refine((r) => r.type !== 'additional_agency' || r.agencyId !== undefined, { message: 'Choose the additional agency.', path: ['agencyId'] });

export const requestUpdateInput = z.object({
  id,
  status: requestStatus.optional(),
  note: optionalText('note', 2000),
});

export const duplicateGroup = z.object({
  /** Why these look like one person, e.g. "Same name at River City Outreach". */
  reason: z.string(),
  people: z.array(person).min(2),
});

export const mergeInput = z
  .object({ survivorId: id, mergedId: id })
  .refine((m) => m.survivorId !== m.mergedId, { message: 'Choose two different people to merge.', path: ['mergedId'] });

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

export const exportInput = personListInput.omit({ offset: true, limit: true }).extend({ format: z.enum(EXPORT_FORMATS).default('csv') });

export const exportOutput = z.object({
  fileName: z.string(),
  contentType: z.string(),
  bytes,
  rows: z.number().int(),
});
