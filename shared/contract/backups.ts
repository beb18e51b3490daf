import { z } from 'zod';
import { call } from './define';

const passphrase = z.string().min(8, 'Use a passphrase of at least 8 characters.').max(200, 'Use a passphrase of at most 200 characters.');
const filePath = z.string().trim().min(1, 'Give the backup file.').max(1000);

const backupSummary = z.object({
  file: z.string(),
  createdAt: z.string(),
  people: z.number().int(),
  files: z.number().int(),
  encrypted: z.boolean(),
});

export const backupSettings = z.object({
  /** Where automatic and manual backups go (a network drive, say); on the computer running the app. */
  folder: z.string(),
  /** Automatic backups kept in the folder; older ones are removed. */
  keep: z.number().int().min(1, 'Keep at least 1 backup.').max(365, 'Keep at most 365 backups.'),
  /** Automatic daily backups while the app runs. */
  automatic: z.boolean(),
  /** Whether automatic backups are encrypted with a saved passphrase (never sent back). */
  encrypted: z.boolean(),
});

export const backupCalls = {
  /** Backup settings, the backups in the folder, the last and next automatic backup, and a database moved aside at startup. */
  'backups.status': call({
    input: z.object({}).strict().default({}),
    output: z.object({
      settings: backupSettings,
      backups: z.array(z.object({ file: z.string(), name: z.string(), size: z.number().int(), modifiedAt: z.string() })),
      lastBackup: backupSummary.nullable(),
      nextAutomaticAt: z.string().nullable(),
      /** Set when the database failed its integrity check at startup and was moved aside (never deleted). */
      recovery: z.object({ movedTo: z.string(), problems: z.array(z.string()), at: z.string() }).nullable(),
    }),
  }),
  /** Saves the folder, how many to keep, automatic on or off, and (optionally) the passphrase for automatic backups. */
  'backups.saveSettings': call({
    input: z
      .object({
        folder: z.string().trim().min(1, 'Choose a folder for the backups.').max(1000),
        keep: backupSettings.shape.keep,
        automatic: z.boolean(),
        /** A new passphrase for automatic backups; `null` turns their encryption off; left out keeps it as it is. */
        passphrase: passphrase.nullable().optional(),
      })
      .strict(),
    output: backupSettings,
  }),
  /** Backs up now (database and file store) into the folder, or into `file`; encrypted when a passphrase is given. */
  'backups.create': call({
    input: z.object({ file: filePath.optional(), passphrase: passphrase.optional() }).strict(),
    output: backupSummary.extend({ message: z.string() }),
  }),
  /** Checks a backup without restoring it: unpacked beside the data, verified, removed. */
  'backups.verify': call({
    input: z.object({ file: filePath, passphrase: z.string().max(200).optional() }).strict(),
    output: backupSummary.extend({ message: z.string() }),
  }),
  /**
   * Replaces the data with a backup, after checking it; the data it replaces is kept aside in the
   * data folder, and put back if the restored database does not open.
   */
  'backups.restore': call({
    input: z.object({ file: filePath, passphrase: z.string().max(200).optional() }).strict(),
    output: backupSummary.extend({ keptAt: z.string(), message: z.string() }),
  }),
};
