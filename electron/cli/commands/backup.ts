import { AppError } from '../../../shared/app-error';
import { databaseInUse } from '../../core/backup/database-in-use';
import { callCommand, defineCommand, type CommandContext } from '../command';

/** A passphrase comes from an environment variable, so it never sits in a command line, a history or Task Scheduler. */
function passphraseFrom(ctx: CommandContext, variable: string | undefined): string | undefined {
  if (variable === undefined) return undefined;
  const value = ctx.env[variable];
  if (!value) throw new AppError('invalid', `--passphrase-env ${variable}: the environment variable ${variable} is not set. Set it to the passphrase first (it is read from there, never from the command line).`, [{ field: 'passphrase-env', message: 'Not set.' }]);
  return value;
}

const passphraseOption = { type: 'string', value: 'VAR', help: 'Read the passphrase from the environment variable VAR (AES-256-GCM encryption)' } as const;

const backup = defineCommand({
  path: ['backup'],
  summary: 'Back up the database and the file store into one file (checked, counted, optionally encrypted).',
  details: 'Safe while the app is open: SQLite\'s online backup copies the database as calls go on. Without --out the file goes into the backup folder chosen in Settings. The file holds a manifest (row counts, every file\'s hash) so a restore can check it first.',
  options: {
    out: { type: 'string', value: 'FILE', help: 'Where to write the backup (default: the backup folder, hmis-backup-<time>.hmisbak)' },
    'passphrase-env': passphraseOption,
  },
  examples: ['hmis-desk backup --out D:\\Backups\\hmis.hmisbak', 'HMIS_BACKUP_PASSPHRASE=... hmis-desk backup --passphrase-env HMIS_BACKUP_PASSPHRASE --json'],
  async run(v, ctx) {
    const result = await ctx.call('backups.create', { file: v.out, passphrase: passphraseFrom(ctx, v['passphrase-env']) });
    return { json: result, human: result.message };
  },
});

const restore = defineCommand({
  path: ['restore'],
  summary: 'Replace the data with a backup, after checking it; the current data is kept aside in the data folder.',
  details: 'Close HMIS Access Desk first: the restore refuses to replace a database another program has open. The backup is unpacked and checked (integrity, row counts, every file\'s hash) before anything is touched; with --check-only nothing is replaced.',
  options: {
    file: { type: 'string', value: 'FILE', help: 'The backup file', required: true, positional: true },
    'passphrase-env': passphraseOption,
    'check-only': { type: 'boolean', help: 'Only check the backup; change nothing' },
  },
  examples: ['hmis-desk restore D:\\Backups\\hmis-backup-2026-12-04T18-30-00Z.hmisbak', 'hmis-desk restore backup.hmisbak --check-only --json'],
  async run(v, ctx) {
    const passphrase = passphraseFrom(ctx, v['passphrase-env']);
    if (v['check-only']) {
      const checked = await ctx.call('backups.verify', { file: v.file, passphrase });
      return { json: checked, human: checked.message };
    }
    if (databaseInUse(ctx.dataDir)) {
      throw new AppError('conflict', 'The data folder is open in HMIS Access Desk (or another program). Close it and run restore again, or restore from Settings → Backups in the app.');
    }
    const result = await ctx.call('backups.restore', { file: v.file, passphrase });
    return { json: result, human: result.message };
  },
});

const status = callCommand({
  path: ['backup', 'status'],
  summary: 'Show the backup folder, how many are kept, the last backup and the backups in the folder.',
  options: {},
  call: 'backups.status',
  human: (s) =>
    [
      `Folder: ${s.settings.folder} (keeping ${s.settings.keep}; automatic daily backups ${s.settings.automatic ? 'on' : 'off'}${s.settings.encrypted ? ', encrypted' : ''})`,
      s.lastBackup ? `Last backup: ${s.lastBackup.createdAt} → ${s.lastBackup.file}` : 'No backup made yet.',
      ...s.backups.map((b) => `  ${b.name}  ${(b.size / 1024 / 1024).toFixed(1)} MB`),
    ].join('\n'),
});

export const backupCommands = [backup, status, restore];
