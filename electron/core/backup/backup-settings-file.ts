import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Backup settings live in `<dataDir>/backup-settings.json`, not in the database: a restore must
 * not change where backups go, and a database moved aside at startup must not take with it the
 * folder its backups are in.
 */
const stored = z.object({
  folder: z.string().optional(),
  keep: z.number().int().min(1).max(365).default(14),
  automatic: z.boolean().default(true),
  /** The automatic backups' passphrase, encrypted by the SecretStore (kind says which). */
  passphrase: z.object({ kind: z.string(), cipher: z.string() }).nullable().default(null),
  last: z.object({ file: z.string(), createdAt: z.string(), people: z.number().int(), files: z.number().int(), encrypted: z.boolean() }).nullable().default(null),
});
export type StoredBackupSettings = z.infer<typeof stored>;

const fileOf = (dataDir: string) => path.join(dataDir, 'backup-settings.json');

export async function readBackupSettings(dataDir: string): Promise<StoredBackupSettings> {
  const text = await fs.readFile(fileOf(dataDir), 'utf8').catch(() => '{}');
  const parsed = stored.safeParse(JSON.parse(text || '{}'));
  return parsed.success ? parsed.data : stored.parse({});
}

export async function writeBackupSettings(dataDir: string, settings: StoredBackupSettings): Promise<void> {
  const temp = `${fileOf(dataDir)}.${process.pid}.tmp`;
  await fs.writeFile(temp, JSON.stringify(settings, null, 2), { mode: 0o600 });
  await fs.rename(temp, fileOf(dataDir));
}

export const defaultBackupFolder = (dataDir: string) => path.join(dataDir, 'backups');
