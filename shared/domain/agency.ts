import { z } from 'zod';
import { id, isoInstant, optionalEmail, optionalText, phone, trimmed } from './common';

export const agencyInput = z.object({
  name: trimmed('agency name', 120),
  address: optionalText('address', 300),
  phone,
  contactName: optionalText('contact name', 120),
  contactEmail: optionalEmail,
});
export type AgencyInput = z.input<typeof agencyInput>;

export const agency = z.object({
  id,
  name: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  peopleCount: z.number().int(),
  createdAt: isoInstant,
});
export type Agency = z.infer<typeof agency>;
