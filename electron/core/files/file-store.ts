import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

interface SweepOptions {
  /** Keep files modified less than this long ago (ms); by default every unreferenced file goes. */
  olderThanMs?: number;
  /** "Now" for the age test (ms since the epoch). */
  nowMs?: number;
}

interface StoredFile {
  sha256: string;
  size: number;
  /** True when identical bytes were already stored: the same file is kept once. */
  existed: boolean;
}

/**
 * Content-addressed store for PDFs and other attachments: `<root>/ab/abcdef…` named by SHA-256.
 * A write lands as a temp file, is fsynced, then renamed into place, so a crash leaves either the
 * whole file or nothing under its final name (a stray temp file at most, removed by `sweep`).
 */
export function createFileStore(root: string) {
  const tmpDir = path.join(root, 'tmp');
  const pathOf = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256);
  };

  async function exists(file: string): Promise<boolean> {
    return fs.access(file).then(
      () => true,
      () => false,
    );
  }

  async function write(bytes: Uint8Array): Promise<StoredFile> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = pathOf(sha256);
    if (await exists(target)) return { sha256, size: bytes.byteLength, existed: true };
    // Inside the data folder (0700); the store's own folders are the current user's too.
    await fs.mkdir(tmpDir, { recursive: true, mode: 0o700 });
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temp = path.join(tmpDir, `${sha256}.${randomBytes(6).toString('hex')}.part`);
    const handle = await fs.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
    await syncDirectory(path.dirname(target));
    return { sha256, size: bytes.byteLength, existed: false };
  }

  async function read(sha256: string): Promise<Uint8Array> {
    return new Uint8Array(await fs.readFile(pathOf(sha256)));
  }

  async function remove(sha256: string): Promise<void> {
    await fs.rm(pathOf(sha256), { force: true });
  }

  /** True when the file is younger than the grace period: another process may be about to name it. */
  async function tooYoung(file: string, options: SweepOptions): Promise<boolean> {
    if (!options.olderThanMs) return false;
    const stat = await fs.stat(file).catch(() => null);
    return stat !== null && (options.nowMs ?? Date.now()) - stat.mtimeMs < options.olderThanMs;
  }

  /**
   * Removes every stored file whose hash `isReferenced` denies, and leftover temp files. With
   * `olderThanMs`, files written more recently are kept: the CLI and the app share a data folder,
   * and one's file may be written a moment before its row commits.
   */
  async function sweep(isReferenced: (sha256: string) => boolean, options: SweepOptions = {}): Promise<number> {
    let removed = 0;
    if (!options.olderThanMs) await fs.rm(tmpDir, { recursive: true, force: true });
    for (const name of options.olderThanMs ? await fs.readdir(tmpDir).catch(() => [] as string[]) : []) {
      if (!(await tooYoung(path.join(tmpDir, name), options))) await fs.rm(path.join(tmpDir, name), { force: true });
    }
    const shards = await fs.readdir(root).catch(() => [] as string[]);
    for (const shard of shards.filter((name) => /^[0-9a-f]{2}$/.test(name))) {
      for (const name of await fs.readdir(path.join(root, shard))) {
        if (/^[0-9a-f]{64}$/.test(name) && isReferenced(name)) continue;
        if (await tooYoung(path.join(root, shard, name), options)) continue;
        await fs.rm(path.join(root, shard, name), { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  return { root, pathOf, write, read, remove, sweep, has: (sha256: string) => exists(pathOf(sha256)) };
}

export type FileStore = ReturnType<typeof createFileStore>;

/** Makes the rename itself durable. Windows cannot open a directory for fsync, and NTFS journals it anyway. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
