import { z } from 'zod';
import { id, isoInstant } from './common';

export const AUDIT_ENTITIES = ['person', 'agency', 'access_level', 'setting', 'mail', 'mail_template', 'import', 'quiz', 'training_material', 'document_to_sort'] as const;
export const auditEntity = z.enum(AUDIT_ENTITIES);
export type AuditEntity = z.infer<typeof auditEntity>;

export const auditEntry = z.object({
  id,
  at: isoInstant,
  operator: z.string(),
  action: z.string(),
  entity: auditEntity,
  entityId: z.number().int().nullable(),
  /** Only the fields that changed, as they were and as they became. */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  note: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** Why `audit verify` stopped at a row. */
export const AUDIT_BREAKS = ['changed', 'unlinked', 'unhashed'] as const;

export const auditVerifyResult = z.object({
  ok: z.boolean(),
  /** Rows walked (all of them when ok; up to the broken one otherwise). */
  rows: z.number().int(),
  /** The newest row's hash: note it down, and a later verify shows whether anything before it changed. */
  lastHash: z.string().nullable(),
  /** The first row that does not hold, with the reason; null when the chain holds. */
  broken: z
    .object({ id, at: z.string(), operator: z.string(), action: z.string(), entity: z.string(), entityId: z.number().int().nullable(), reason: z.enum(AUDIT_BREAKS) })
    .nullable(),
  /** The outcome as a sentence a person can act on. */
  message: z.string(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResult>;

/** The audit viewer's filters: dates are calendar days (UTC), inclusive. */
export const auditFilters = z
  .object({
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the first day as YYYY-MM-DD.').optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the last day as YYYY-MM-DD.').optional(),
    entity: auditEntity.optional(),
    action: z.string().trim().min(1).max(80).optional(),
    operator: z.string().trim().min(1).max(120).optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'The first day must not be after the last day.', path: ['to'] });
export type AuditFilters = z.infer<typeof auditFilters>;
