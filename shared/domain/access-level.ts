import { z } from 'zod';
import { id } from './common';

/** Training sets an access level can require (editable catalog; these are the shipped defaults). */
export const TRAINING_SETS = ['New User', 'VI-SPDAT', 'Services Only', 'Reports'] as const;

export const accessLevel = z.object({
  id,
  name: z.string(),
  includesAssessments: z.boolean(),
  trainingSets: z.array(z.string()),
  sortOrder: z.number().int(),
});
export type AccessLevel = z.infer<typeof accessLevel>;
