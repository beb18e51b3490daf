import type { CoreContext } from '../context';
import type { Db } from '../db/open-database';
import { inSavepoint } from '../db/savepoint.repo';

interface Job<T> {
  write(trx: Db): Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * Commits many small writes together. Every SQLite commit with synchronous=FULL waits for an
 * fsync (about 3 ms here) on the main thread; a batch of 200 dropped PDFs would spend most of its
 * time, and freeze the window, on 200 of them. Writes that arrive within `windowMs` share one
 * transaction instead, each inside its own SAVEPOINT: one document's row and audit row still
 * commit together or not at all, and one failing write (a duplicate) does not undo the others.
 * A write is never left waiting longer than the window, so a single drop feels instant.
 */
export function createGroupCommit(ctx: CoreContext, windowMs = 8) {
  let pending: Job<unknown>[] = [];
  let timer: NodeJS.Timeout | null = null;

  async function writeOne(trx: Db, job: Job<unknown>): Promise<() => void> {
    const outcome = await inSavepoint(trx, job.write);
    return outcome.ok ? () => job.resolve(outcome.value) : () => job.reject(outcome.error);
  }

  async function flush(): Promise<void> {
    timer = null;
    const jobs = pending;
    pending = [];
    try {
      const settle = await ctx.db.transaction().execute(async (trx) => {
        const done: (() => void)[] = [];
        for (const job of jobs) done.push(await writeOne(trx, job));
        return done;
      });
      // Only after the commit: a caller told "attached" must find its row on disk.
      for (const report of settle) report();
    } catch (error) {
      for (const job of jobs) job.reject(error);
    }
  }

  return function commit<T>(write: (trx: Db) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      pending.push({ write, resolve, reject } as Job<unknown>);
      timer ??= setTimeout(() => void flush(), windowMs);
    });
  };
}
