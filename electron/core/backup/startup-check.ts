import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { integrityProblems } from './backup.repo';

export interface Recovery {
  movedTo: string;
  problems: string[];
  at: string;
}

const DATABASE_FILES = ['hmis.sqlite', 'hmis.sqlite-wal', 'hmis.sqlite-shm'];

function problemsOf(file: string, nativeBinding?: string): string[] {
  let sqlite: BetterSqlite3.Database | null = null;
  try {
    sqlite = new BetterSqlite3(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    return integrityProblems(sqlite);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    sqlite?.close();
  }
}

/**
 * At the start of a long-lived process: a database failing SQLite's integrity check is moved,
 * with its -wal and -shm, into `damaged-<time>/` in the data folder (never deleted), so the app
 * opens on an empty database and offers the latest backup. Null when the database is sound.
 */
export function moveAsideIfDamaged(dataDir: string, now: Date, nativeBinding?: string): Recovery | null {
  const file = path.join(dataDir, 'hmis.sqlite');
  if (!existsSync(file) || statSync(file).size === 0) return null;
  const problems = problemsOf(file, nativeBinding);
  if (!problems.length) return null;
  const movedTo = path.join(dataDir, `damaged-${now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}`);
  mkdirSync(movedTo, { recursive: true, mode: 0o700 });
  for (const name of DATABASE_FILES) if (existsSync(path.join(dataDir, name))) renameSync(path.join(dataDir, name), path.join(movedTo, name));
  return { movedTo, problems: problems.slice(0, 10), at: now.toISOString() };
}
