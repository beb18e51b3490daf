import BetterSqlite3 from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../../../shared/app-error';

/**
 * The books of the hostile suite: what was tried and how each ended. "Refused" is an answer with
 * an AppError a person can act on; "handled" is a normal answer; a "crash" is anything else (an
 * `internal` error, a 5xx, a dropped connection, a write left behind by a refusal).
 */
export interface Tally {
  tried: number;
  refused: number;
  handled: number;
  crashes: number;
  /** The first few crashes, for the failure message. */
  examples: string[];
}

export const newTally = (): Tally => ({ tried: 0, refused: 0, handled: 0, crashes: 0, examples: [] });

export function addTally(into: Tally, from: Tally): void {
  into.tried += from.tried;
  into.refused += from.refused;
  into.handled += from.handled;
  into.crashes += from.crashes;
  into.examples.push(...from.examples.slice(0, Math.max(0, 10 - into.examples.length)));
}

export function crash(tally: Tally, what: string): void {
  tally.crashes += 1;
  if (tally.examples.length < 10) tally.examples.push(what.slice(0, 600));
}

export const formatTally = (name: string, t: Tally) => `${name}: ${t.tried} tried, ${t.refused} refused, ${t.handled} handled, ${t.crashes} crashes`;

const readers = new Map<string, { db: BetterSqlite3.Database; count: () => Record<string, number> }>();

/**
 * Row counts of every table, read by a separate read-only connection (what is committed). The
 * connection is kept for the suite: each statement outside a transaction sees the latest commit.
 */
export function rowCounts(dataDir: string): Record<string, number> {
  let reader = readers.get(dataDir);
  if (!reader) {
    const db = new BetterSqlite3(path.join(dataDir, 'hmis.sqlite'), { readonly: true, fileMustExist: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'").all() as { name: string }[];
    const sql = tables.map(({ name }) => `SELECT '${name}' AS name, count(*) AS n FROM "${name}"`).join(' UNION ALL ');
    const statement = db.prepare(sql);
    reader = { db, count: () => Object.fromEntries((statement.all() as { name: string; n: number }[]).map((r) => [r.name, r.n])) };
    readers.set(dataDir, reader);
  }
  return reader.count();
}

/** Closes the reader rowCounts() kept for this folder (before the folder is removed). */
export function closeRowCounts(dataDir: string): void {
  readers.get(dataDir)?.db.close();
  readers.delete(dataDir);
}

/** Files in the data folder's stores (documents, drafts, temp files): a refusal must add none. */
export function storedFileCount(dataDir: string): number {
  const count = (dir: string): number => {
    try {
      return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(path.join(dir, e.name)) : 1), 0);
    } catch {
      return 0;
    }
  };
  return count(path.join(dataDir, 'files')) + count(path.join(dataDir, 'drafts'));
}

/** Samples this process's RSS (the host, the core worker and its PDF and sheet readers) every 20 ms. */
export function watchRss(): { peakMb(): number; stop(): void } {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  return {
    peakMb: () => (Math.max(peak, process.memoryUsage.rss()) - start) / 1024 / 1024,
    stop: () => clearInterval(timer),
  };
}

export interface Answer {
  status: number;
  envelope: Envelope<unknown> | null;
  /** Set when the connection failed or the body was not an envelope. */
  failure?: string;
}

/**
 * Judges one answer: handled, refused (and then nothing written), or a crash. `before` are the
 * counts taken just before the call; they are compared only for refusals.
 */
export function judge(tally: Tally, what: string, answer: Answer, before: { rows: Record<string, number>; files: number }, dataDir: string): void {
  tally.tried += 1;
  const { envelope } = answer;
  if (answer.failure || !envelope) return crash(tally, `${what}: ${answer.failure ?? `HTTP ${answer.status} without an envelope`}`);
  if (answer.status >= 500) return crash(tally, `${what}: HTTP ${answer.status} ${JSON.stringify(envelope).slice(0, 300)}`);
  if (envelope.ok) {
    tally.handled += 1;
    return;
  }
  const { code, message } = envelope.error;
  if (code === 'internal') return crash(tally, `${what}: internal error "${message}"`);
  if (typeof message !== 'string' || message.trim().length < 10) return crash(tally, `${what}: a refusal without a sentence (${JSON.stringify(envelope.error)})`);
  const rows = rowCounts(dataDir);
  const files = storedFileCount(dataDir);
  const changed = Object.keys({ ...rows, ...before.rows }).filter((table) => rows[table] !== before.rows[table]);
  if (changed.length || files !== before.files) {
    return crash(tally, `${what}: refused ("${message}") but wrote ${changed.map((t) => `${t} ${before.rows[t]}→${rows[t]}`).join(', ')}${files !== before.files ? ` files ${before.files}→${files}` : ''}`);
  }
  tally.refused += 1;
}
