import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { aloneOnDatabase } from './backup.repo';

/** True when another program (the app, `npm run serve`) has the data folder's database open. */
export function databaseInUse(dataDir: string): boolean {
  const file = path.join(dataDir, 'hmis.sqlite');
  if (!existsSync(file)) return false;
  const sqlite = new BetterSqlite3(file, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 0');
    return !aloneOnDatabase(sqlite);
  } finally {
    sqlite.close();
  }
}
