/**
 * Long jobs (imports, seeding) run on the same thread as every other call. Handing the event loop
 * back every `budgetMs` of work lets a waiting call (a `people.get` from the window) run between
 * two chunks instead of after the whole job: issue 9 asks that no call waits longer than one chunk.
 */
export const YIELD_BUDGET_MS = 25;

/** One macrotask turn: queued messages, timers and I/O callbacks run before the job goes on. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A function to call between chunks: it yields once the budget since its last yield is spent. */
export function createYielder(budgetMs = YIELD_BUDGET_MS): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await yieldToEventLoop();
    since = performance.now();
  };
}

/**
 * `items.map(fn)` for thousands of items, yielding whenever the budget is spent; `report(done)`
 * hears each pause and the end, for a `progress` event.
 */
export async function mapYielding<T, R>(items: readonly T[], fn: (item: T) => R, report?: (done: number) => void, budgetMs = YIELD_BUDGET_MS): Promise<R[]> {
  const out: R[] = [];
  let since = performance.now();
  for (const item of items) {
    out.push(fn(item));
    if (performance.now() - since < budgetMs) continue;
    report?.(out.length);
    await yieldToEventLoop();
    since = performance.now();
  }
  report?.(out.length);
  return out;
}
