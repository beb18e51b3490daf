/**
 * Remembers a value for a moment. A batch of 200 files asks for the same limits and access levels
 * 200 times within a second; a change saved here clears it at once, one made elsewhere (the CLI)
 * is seen within the second.
 */
export function shortCache<T>(load: () => Promise<T>, ttlMs = 1000) {
  let cached: { value: Promise<T>; until: number } | null = null;
  return {
    get(): Promise<T> {
      const now = performance.now();
      if (!cached || now > cached.until) {
        const value = load();
        cached = { value, until: now + ttlMs };
        value.catch(() => (cached = null));
      }
      return cached.value;
    },
    clear(): void {
      cached = null;
    },
  };
}
