import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/app-error';
import { plural } from '../../../shared/plural';
import { APP_VERSION } from '../version';
import { createContainerWriter, extractContainer } from './backup-container';
import { backupManifest, type BackupManifest } from './backup-manifest';
import { auditTail, integrityProblems, makeSelfContained, referencedFileHashes, schemaVersion, tableCounts } from './backup.repo';

export const BACKUP_EXTENSION = '.hmisbak';
export const DATABASE_FILE = 'hmis.sqlite';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const storedPath = (root: string, sha256: string) => path.join(root, sha256.slice(0, 2), sha256);

/** "hmis-backup-2026-12-04T18-30-00Z.hmisbak": sorts by time, and is a valid name on Windows. */
export function backupFileName(at: Date): string {
  return `hmis-backup-${at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}${BACKUP_EXTENSION}`;
}

export interface BackupSource {
  /** The live write connection: better-sqlite3's online backup copies it page by page while calls go on. */
  sqlite: BetterSqlite3.Database;
  dataDir: string;
  now: () => Date;
  nativeBinding?: string;
}

/**
 * A backup of the database and every file its rows name, into one file (backup-container.ts).
 * The database is copied with SQLite's online backup API into the data folder (private), checked
 * and counted there; the file lands as `.part` and is renamed only when complete and synced.
 */
export async function writeBackup(source: BackupSource, out: string, passphrase?: string): Promise<BackupManifest> {
  const target = path.resolve(out);
  await fs.mkdir(path.dirname(target), { recursive: true }).catch(() => undefined);
  const staging = await fs.mkdtemp(path.join(source.dataDir, '.backup-'));
  const part = `${target}.${process.pid}.part`;
  try {
    const copy = path.join(staging, DATABASE_FILE);
    await source.sqlite.backup(copy);
    const snapshot = new BetterSqlite3(copy, source.nativeBinding ? { nativeBinding: source.nativeBinding } : {});
    let counts: Record<string, number>;
    let hashes: string[];
    let schema: number;
    let lastHash: string | null;
    try {
      makeSelfContained(snapshot);
      const problems = integrityProblems(snapshot);
      if (problems.length) throw new AppError('internal', `The database failed its integrity check, so no backup was made: ${problems.slice(0, 3).join(' ')} Run "hmis-desk check" and call your administrator.`);
      counts = tableCounts(snapshot);
      hashes = referencedFileHashes(snapshot);
      schema = schemaVersion(snapshot);
      lastHash = auditTail(snapshot);
    } finally {
      snapshot.close();
    }
    const writer = await createContainerWriter(part, passphrase).catch((error: NodeJS.ErrnoException) => {
      throw new AppError('invalid', `The backup cannot be written to ${path.dirname(target)} (${error.code ?? error.message}). Check that the folder exists and the office can write to it.`, [{ field: 'folder', message: 'The folder cannot be written.' }]);
    });
    try {
      const database = await writer.addFile(DATABASE_FILE, copy);
      const files: BackupManifest['files'] = [];
      const root = path.join(source.dataDir, 'files');
      for (const sha256 of hashes) {
        const stored = await writer.addFile(`files/${sha256.slice(0, 2)}/${sha256}`, storedPath(root, sha256)).catch((error: NodeJS.ErrnoException) => {
          throw new AppError('internal', `A stored file is missing (${sha256.slice(0, 12)}…, ${error.code ?? error.message}), so no backup was made. Run "hmis-desk check" to see which record names it.`);
        });
        if (stored.sha256 !== sha256) throw new AppError('internal', `A stored file was changed on disk (${sha256.slice(0, 12)}…), so no backup was made. Run "hmis-desk check" to see which record names it.`);
        files.push(stored);
      }
      const manifest: BackupManifest = { format: 'hmis-access-desk-backup', version: 1, createdAt: source.now().toISOString(), appVersion: APP_VERSION, schemaVersion: schema, database, counts, files, auditLastHash: lastHash };
      await writer.addBytes('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
      await writer.finish();
      await fs.rename(part, target);
      return manifest;
    } catch (error) {
      await writer.abort();
      throw error;
    }
  } finally {
    await fs.rm(part, { force: true });
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/** Our newest migration, to refuse a backup a newer version made. */
export type VerifyOptions = { newestSchema: number; nativeBinding?: string };

const unusable = (file: string, why: string) => new AppError('invalid', `${path.basename(file)} cannot be restored: ${why} Nothing was changed.`, [{ field: 'file', message: why }]);

/**
 * Unpacks a backup into `stagingDir` and checks everything before anything is replaced: the
 * manifest, the database's hash, SQLite's integrity and foreign keys, the row counts, and every
 * file present with the hash it is named by (and every file the database names among them).
 */
export async function unpackAndVerify(file: string, stagingDir: string, passphrase: string | undefined, options: VerifyOptions): Promise<BackupManifest> {
  const names = await extractContainer(file, stagingDir, passphrase);
  if (!names.includes('manifest.json') || !names.includes(DATABASE_FILE)) throw unusable(file, 'it has no manifest or no database in it.');
  const parsed = backupManifest.safeParse(JSON.parse(await fs.readFile(path.join(stagingDir, 'manifest.json'), 'utf8')));
  if (!parsed.success) throw unusable(file, 'its manifest is not one this version understands.');
  const manifest = parsed.data;
  if (manifest.schemaVersion > options.newestSchema) throw unusable(file, `it was made by a newer version of HMIS Access Desk (${manifest.appVersion}). Install that version to restore it.`);
  const copy = path.join(stagingDir, DATABASE_FILE);
  if ((await sha256Of(copy)) !== manifest.database.sha256) throw unusable(file, 'its database does not match the hash in its manifest.');
  const sqlite = new BetterSqlite3(copy, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    const problems = integrityProblems(sqlite);
    if (problems.length) throw unusable(file, `its database fails the integrity check (${problems[0]}).`);
    const counts = tableCounts(sqlite);
    const differs = Object.keys({ ...counts, ...manifest.counts }).filter((table) => counts[table] !== manifest.counts[table]);
    if (differs.length) throw unusable(file, `its row counts do not match its manifest (${differs.join(', ')}).`);
    const inManifest = new Set(manifest.files.map((f) => f.sha256));
    const unnamed = referencedFileHashes(sqlite).filter((sha) => !inManifest.has(sha));
    if (unnamed.length) throw unusable(file, `${plural(unnamed.length, 'file', 'files')} its records name ${unnamed.length === 1 ? 'is' : 'are'} not in it.`);
  } finally {
    sqlite.close();
  }
  for (const stored of manifest.files) {
    const at = storedPath(path.join(stagingDir, 'files'), stored.sha256);
    const actual = await sha256Of(at).catch(() => null);
    if (actual === null) throw unusable(file, `the file ${stored.sha256.slice(0, 12)}… listed in its manifest is missing.`);
    if (actual !== stored.sha256) throw unusable(file, `the file ${stored.sha256.slice(0, 12)}… does not match its hash.`);
  }
  return manifest;
}

/** The office's backups in a folder, newest first (by the time in their names). */
export async function listBackups(folder: string): Promise<{ file: string; name: string; size: number; modifiedAt: string }[]> {
  const names = (await fs.readdir(folder).catch(() => [] as string[])).filter((name) => name.startsWith('hmis-backup-') && name.endsWith(BACKUP_EXTENSION));
  const out = [];
  for (const name of names.sort().reverse()) {
    const stat = await fs.stat(path.join(folder, name)).catch(() => null);
    if (stat) out.push({ file: path.join(folder, name), name, size: stat.size, modifiedAt: stat.mtime.toISOString() });
  }
  return out;
}

/** Keeps the newest `keep` automatic backups in the folder; older ones are removed. */
export async function pruneBackups(folder: string, keep: number): Promise<number> {
  const old = (await listBackups(folder)).slice(keep);
  for (const backup of old) await fs.rm(backup.file, { force: true });
  return old.length;
}
