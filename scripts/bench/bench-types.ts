/** One line of `npm run bench`: our path against the raw engine, measured in the same run. */
export interface BenchRow {
  name: string;
  /** Median over the runs, in milliseconds (per operation unless `unit` says otherwise). */
  medianMs: number;
  p95Ms?: number;
  /** The same work done by the raw engine (better-sqlite3, bare nodemailer, bare pdf.js …). */
  baselineMs?: number;
  /** medianMs / baselineMs. */
  ratio?: number;
  /** Goal as text, e.g. "p95 ≤ 30 ms, ratio ≤ 2". */
  goal?: string;
  note?: string;
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export function timeSync(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
