import type BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { MIGRATIONS } from './migrations';
import { migrate } from './migrations.repo';
import { RoutingSqliteDialect } from './routing-dialect.repo';
import type { Database } from './schema';
import { openSqlite, openSqliteReader } from './sqlite.repo';

export type Db = Kysely<Database>;

export interface OpenDatabase {
  db: Db;
  /**
   * The write connection. `PRAGMA data_version` is read here, so only other processes' commits
   * count as "another writer" (our own reads run on a second, read-only connection that never
   * commits anything).
   */
  sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
}

const inMemory = (file: string) => file === '' || file === ':memory:' || file.startsWith('file::memory:');

export function openDatabase(file: string, nowIso: string, nativeBinding?: string): OpenDatabase {
  const sqlite = openSqlite(file, nativeBinding);
  let reader: BetterSqlite3.Database | null = null;
  try {
    migrate(sqlite, MIGRATIONS, nowIso);
    // After the migrations: the reader never sees a schema older than the writer's.
    reader = inMemory(file) ? null : openSqliteReader(file, nativeBinding);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new RoutingSqliteDialect({ writer: sqlite, reader }) });
  const close = async () => {
    // Kysely's destroy() closes both connections, but only once a query has started its driver.
    await db.destroy();
    reader?.close();
    sqlite.close();
  };
  return { db, sqlite, close };
}
