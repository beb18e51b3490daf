import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { MIGRATIONS } from './migrations';
import { migrate } from './migrations.repo';
import type { Database } from './schema';
import { openSqlite } from './sqlite.repo';

export type Db = Kysely<Database>;

export interface OpenDatabase {
  db: Db;
  sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
}

export function openDatabase(file: string, nowIso: string, nativeBinding?: string): OpenDatabase {
  const sqlite = openSqlite(file, nativeBinding);
  try {
    migrate(sqlite, MIGRATIONS, nowIso);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  // Kysely's destroy() closes the better-sqlite3 handle it was given.
  return { db, sqlite, close: () => db.destroy() };
}
