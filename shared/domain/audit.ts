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
