import BetterSqlite3 from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { STORED_FILE_HASHES_SQL } from '../files/stored-file-hashes';

/** Raw reads the crash suite makes of a killed process's data folder (SQL lives in repo files). */

/** People per import batch tag ("c3b1"), from the emails the child imported. */
export function importedPerBatch(file: string): Map<string, number> {
  const sqlite = new BetterSqlite3(file);
  try {
    const rows = sqlite.prepare(`SELECT substr(email, 1, instr(email, 'r') - 1) AS tag, count(*) AS n FROM people WHERE email LIKE '%@crash.example.org' GROUP BY tag`).all() as { tag: string; n: number }[];
    return new Map(rows.map((r) => [r.tag, r.n]));
  } finally {
    sqlite.close();
  }
}

export function outboxByStatus(file: string): Record<string, number> {
  const sqlite = new BetterSqlite3(file);
  try {
    const rows = sqlite.prepare('SELECT status, count(*) AS n FROM mail_outbox GROUP BY status').all() as { status: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    sqlite.close();
  }
}

export function documentCount(file: string): number {
  const sqlite = new BetterSqlite3(file);
  try {
    return (sqlite.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

/** What a kill left in the file store before the sweep: files no row names, and `.part` temp files. */
export function leftoversBeforeSweep(dataDir: string): { orphans: number; parts: number } {
  const sqlite = new BetterSqlite3(path.join(dataDir, 'hmis.sqlite'));
  let named: Set<string>;
  try {
    const rows = sqlite
      .prepare(STORED_FILE_HASHES_SQL)
      .all() as { sha256: string | null }[];
    named = new Set(rows.flatMap((r) => (r.sha256 ? [r.sha256] : [])));
  } finally {
    sqlite.close();
  }
  const root = path.join(dataDir, 'files');
  const list = (dir: string) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  };
  let orphans = 0;
  for (const shard of list(root).filter((name) => /^[0-9a-f]{2}$/.test(name))) orphans += list(path.join(root, shard)).filter((name) => !named.has(name)).length;
  return { orphans, parts: list(path.join(root, 'tmp')).length };
}
