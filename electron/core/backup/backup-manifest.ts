import { z } from 'zod';

/** manifest.json, the last entry of a backup: what it holds, so a restore can check it first. */
export const backupManifest = z.object({
  format: z.literal('hmis-access-desk-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  /** The newest migration applied to the database in it. */
  schemaVersion: z.number().int(),
  database: z.object({ sha256: z.string(), size: z.number().int() }),
  /** Rows per table. */
  counts: z.record(z.string(), z.number().int()),
  files: z.array(z.object({ sha256: z.string(), size: z.number().int() })),
  /** The audit chain's newest hash at the time of the backup. */
  auditLastHash: z.string().nullable(),
});
export type BackupManifest = z.infer<typeof backupManifest>;
