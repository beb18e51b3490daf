/**
 * Runs work for one key at a time (in this process). Attaching the same bytes twice at once must
 * not let one attempt delete, while cleaning up after itself, the file the other just stored.
 */
export function createKeyLock() {
  const tails = new Map<string, Promise<unknown>>();
  return async function withKey<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
