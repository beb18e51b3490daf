import type BetterSqlite3 from 'better-sqlite3';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/app-error';
import type { ParsedInput } from '../../../shared/contract';
import { plural } from '../../../shared/plural';
import type { SecretStore } from '../secrets/secret-store';
import { readContainerHeader } from './backup-container';
import { backupFileName, listBackups, pruneBackups, unpackAndVerify, writeBackup } from './backup-files';
import type { BackupManifest } from './backup-manifest';
import { defaultBackupFolder, readBackupSettings, writeBackupSettings, type StoredBackupSettings } from './backup-settings-file';

export interface BackupDeps {
  dataDir: string;
  now: () => Date;
  nativeBinding?: string;
  /** Where the automatic backups' passphrase is kept (safeStorage in the app); the key file reads CLI-saved ones. */
  secretStore: SecretStore;
  keyFile: SecretStore;
  newestSchema: number;
  /** The live write connection (changes after a restore). */
  sqlite: () => BetterSqlite3.Database;
  /** Closes the database, puts the verified copy in place and reopens; puts the old data back if that fails. */
  swap(stagingDir: string): Promise<string>;
  /** Writes an audit row in the (current) database. */
  audit(action: string, after: Record<string, unknown>, note: string): Promise<void>;
  /** A database moved aside at startup, for the recovery offer. */
  recovery: () => { movedTo: string; problems: string[]; at: string } | null;
}

const DAY_MS = 24 * 3_600_000;

const summaryOf = (file: string, manifest: BackupManifest, encrypted: boolean) => ({ file, createdAt: manifest.createdAt, people: manifest.counts.people ?? 0, files: manifest.files.length, encrypted });
const describe = (s: ReturnType<typeof summaryOf>) => `${plural(s.people, 'person', 'people')} and ${plural(s.files, 'file', 'files')}${s.encrypted ? ', encrypted' : ''}`;

export function createBackupService(deps: BackupDeps) {
  let nextAutomaticAt: string | null = null;

  const settingsOut = (s: StoredBackupSettings) => ({ folder: s.folder ?? defaultBackupFolder(deps.dataDir), keep: s.keep, automatic: s.automatic, encrypted: s.passphrase !== null });

  async function savedPassphrase(s: StoredBackupSettings): Promise<string | undefined> {
    if (!s.passphrase) return undefined;
    return (s.passphrase.kind === deps.keyFile.kind ? deps.keyFile : deps.secretStore).decrypt(s.passphrase.cipher);
  }

  async function create(input: { file?: string; passphrase?: string }, automatic = false) {
    const settings = await readBackupSettings(deps.dataDir);
    const folder = settings.folder ?? defaultBackupFolder(deps.dataDir);
    const file = path.resolve(input.file ?? path.join(folder, backupFileName(deps.now())));
    const passphrase = input.passphrase ?? (automatic ? await savedPassphrase(settings) : undefined);
    const manifest = await writeBackup({ sqlite: deps.sqlite(), dataDir: deps.dataDir, now: deps.now, nativeBinding: deps.nativeBinding }, file, passphrase);
    const summary = summaryOf(file, manifest, passphrase !== undefined);
    await writeBackupSettings(deps.dataDir, { ...(await readBackupSettings(deps.dataDir)), last: summary });
    let pruned = 0;
    if (automatic) pruned = await pruneBackups(folder, settings.keep);
    await deps.audit('backup.created', { file, people: summary.people, files: summary.files, encrypted: summary.encrypted, automatic }, automatic ? 'Automatic daily backup' : 'Backup');
    const removed = pruned ? ` ${plural(pruned, 'older backup was', 'older backups were')} removed (keeping ${settings.keep}).` : '';
    return { ...summary, message: `Backed up ${describe(summary)} to ${file}.${removed}` };
  }

  async function staged<T>(file: string, run: (stagingDir: string) => Promise<T>): Promise<T> {
    const stagingDir = await fs.mkdtemp(path.join(deps.dataDir, '.restore-'));
    try {
      return await run(stagingDir);
    } finally {
      await fs.rm(stagingDir, { recursive: true, force: true });
    }
  }

  return {
    async status() {
      const settings = await readBackupSettings(deps.dataDir);
      const out = settingsOut(settings);
      return { settings: out, backups: await listBackups(out.folder), lastBackup: settings.last, nextAutomaticAt, recovery: deps.recovery() };
    },

    async saveSettings(input: ParsedInput<'backups.saveSettings'>) {
      // A relative folder would land wherever the process happens to run: only a full path is kept.
      if (!path.isAbsolute(input.folder)) {
        throw new AppError('invalid', `Give the full path of the backup folder (for example \\\\server\\HMIS\\Backups), not "${input.folder}".`, [{ field: 'folder', message: 'Use a full path.' }]);
      }
      const folder = path.resolve(input.folder);
      await fs.mkdir(folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        throw new AppError('invalid', `The folder ${folder} cannot be created (${error.code ?? error.message}). Choose a folder the office can write to.`, [{ field: 'folder', message: 'The folder cannot be created.' }]);
      });
      const current = await readBackupSettings(deps.dataDir);
      let passphrase = current.passphrase;
      if (input.passphrase === null) passphrase = null;
      else if (input.passphrase !== undefined) {
        const available = await deps.secretStore.available();
        if (!available.ok) throw new AppError('invalid', `The passphrase cannot be saved on this computer (${available.reason ?? 'no secret store'}). Leave it empty and give it with each backup instead.`, [{ field: 'passphrase', message: 'Cannot be saved here.' }]);
        passphrase = { kind: deps.secretStore.kind, cipher: await deps.secretStore.encrypt(input.passphrase) };
      }
      const next = { ...current, folder, keep: input.keep, automatic: input.automatic, passphrase };
      await writeBackupSettings(deps.dataDir, next);
      await deps.audit('backup.settings_saved', { folder, keep: input.keep, automatic: input.automatic, encrypted: passphrase !== null }, 'Backup settings');
      return settingsOut(next);
    },

    create: (input: { file?: string; passphrase?: string }) => create(input),

    async verify(input: { file: string; passphrase?: string }) {
      const file = path.resolve(input.file);
      const { encrypted } = await readContainerHeader(file);
      const manifest = await staged(file, (dir) => unpackAndVerify(file, dir, input.passphrase, { newestSchema: deps.newestSchema, nativeBinding: deps.nativeBinding }));
      const summary = summaryOf(file, manifest, encrypted);
      return { ...summary, message: `The backup of ${manifest.createdAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} is complete and sound: ${describe(summary)}, every file matching its hash.` };
    },

    async restore(input: { file: string; passphrase?: string }) {
      const file = path.resolve(input.file);
      const { encrypted } = await readContainerHeader(file);
      return staged(file, async (dir) => {
        const manifest = await unpackAndVerify(file, dir, input.passphrase, { newestSchema: deps.newestSchema, nativeBinding: deps.nativeBinding });
        const keptAt = await deps.swap(dir);
        const summary = summaryOf(file, manifest, encrypted);
        await deps.audit('backup.restored', { file, backupCreatedAt: manifest.createdAt, people: summary.people, files: summary.files, keptAt }, 'Restored from a backup');
        return { ...summary, keptAt, message: `Restored the backup of ${manifest.createdAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}: ${describe(summary)}. The data it replaced is kept in ${keptAt}.` };
      });
    },

    /** While the app runs: a backup when the last is a day old, checked every hour; never two at once. */
    startAutomatic(onError: (error: unknown) => void, firstAfterMs = 60_000, everyMs = 3_600_000): () => void {
      let running = false;
      let timer: ReturnType<typeof setTimeout> | null = null;
      let stopped = false;
      const schedule = (ms: number) => {
        if (stopped) return;
        nextAutomaticAt = new Date(deps.now().getTime() + ms).toISOString();
        timer = setTimeout(tick, ms);
        timer.unref?.();
      };
      const tick = () => {
        if (running) return schedule(everyMs);
        running = true;
        void (async () => {
          const settings = await readBackupSettings(deps.dataDir);
          const due = settings.automatic && (!settings.last || deps.now().getTime() - Date.parse(settings.last.createdAt) >= DAY_MS);
          if (due) await create({}, true);
        })()
          .catch(onError)
          .finally(() => {
            running = false;
            schedule(everyMs);
          });
      };
      schedule(firstAfterMs);
      return () => {
        stopped = true;
        nextAutomaticAt = null;
        if (timer) clearTimeout(timer);
      };
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
