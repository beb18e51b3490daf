import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open-database';
import { fileReferences } from './file-references.repo';
import type { FileStore } from './file-store';

/** Files younger than this are left by `--repair`: another process may be writing or about to name them. */
export const REPAIR_GRACE_MS = 3_600_000;

export interface FileStoreReport {
  ok: boolean;
  /** Files rows name, checked by hash. */
  checked: number;
  /** Sentences, one a problem: a missing file, a file whose bytes changed. */
  problems: string[];
  /** Stored files no row names (a crash between the file write and its commit). */
  orphans: number;
  /** `files/tmp/*.part`: writes a crash cut short. */
  leftovers: number;
  /** With `repair`: orphans and leftovers older than the grace period that were removed. */
  removed: number;
}

async function sha256Of(file: string): Promise<string | null> {
  try {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return null;
  }
}

async function listNames(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch(() => [] as string[]);
}

/** Every stored file by hash: `<root>/ab/abcdef…`; anything else in a shard counts as an orphan too. */
async function storedNames(root: string): Promise<{ sha256: string; file: string }[]> {
  const out: { sha256: string; file: string }[] = [];
  for (const shard of (await listNames(root)).filter((name) => /^[0-9a-f]{2}$/.test(name))) {
    for (const name of await listNames(path.join(root, shard))) out.push({ sha256: name, file: path.join(root, shard, name) });
  }
  return out;
}

async function olderThan(file: string, graceMs: number, nowMs: number): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => null);
  return stat !== null && nowMs - stat.mtimeMs >= graceMs;
}

/**
 * The file store's half of `check`: every row's file is there with the bytes its hash names;
 * orphans and leftover temp files are counted. `repair` removes orphans and leftovers older than
 * the grace period (never a file a row names, never a young one another process may be naming).
 */
export async function checkFileStore(db: Db, files: FileStore, options: { repair?: boolean; graceMs?: number; nowMs?: number } = {}): Promise<FileStoreReport> {
  const references = await fileReferences(db);
  const problems: string[] = [];
  const verdict = new Map<string, 'ok' | 'missing' | 'changed'>();
  for (const ref of references) {
    let state = verdict.get(ref.sha256);
    if (!state) {
      const actual = /^[0-9a-f]{64}$/.test(ref.sha256) ? await sha256Of(files.pathOf(ref.sha256)) : null;
      state = actual === null ? 'missing' : actual === ref.sha256 ? 'ok' : 'changed';
      verdict.set(ref.sha256, state);
    }
    if (state === 'missing') problems.push(`The file of ${ref.owner} is missing from the file store (${ref.sha256.slice(0, 12)}…).`);
    if (state === 'changed') problems.push(`The file of ${ref.owner} was changed on disk: its bytes no longer match their hash (${ref.sha256.slice(0, 12)}…).`);
  }

  const graceMs = options.graceMs ?? REPAIR_GRACE_MS;
  const nowMs = options.nowMs ?? Date.now();
  let removed = 0;
  const removeIfOld = async (file: string) => {
    if (options.repair && (await olderThan(file, graceMs, nowMs))) {
      await fs.rm(file, { force: true });
      removed += 1;
    }
  };
  const orphans = (await storedNames(files.root)).filter((stored) => !verdict.has(stored.sha256));
  for (const orphan of orphans) await removeIfOld(orphan.file);
  const tmpDir = path.join(files.root, 'tmp');
  const leftovers = (await listNames(tmpDir)).map((name) => path.join(tmpDir, name));
  for (const leftover of leftovers) await removeIfOld(leftover);

  return { ok: problems.length === 0, checked: verdict.size, problems, orphans: orphans.length, leftovers: leftovers.length, removed };
}
