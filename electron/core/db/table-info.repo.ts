import type BetterSqlite3 from 'better-sqlite3';

export interface ColumnInfo {
  name: string;
  /** As declared in the migration: TEXT, INTEGER, REAL, BLOB (STRICT tables allow no other). */
  type: string;
  nullable: boolean;
}

/**
 * Every ordinary table and its columns, as SQLite has them after the migrations; the FTS5 index
 * and its shadow tables are SQLite's own, reached only through the search functions.
 */
export function describeTables(sqlite: BetterSqlite3.Database): Map<string, ColumnInfo[]> {
  const fts = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).pluck().all() as string[]);
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  const result = new Map<string, ColumnInfo[]>();
  for (const table of tables.filter((name) => !fts.some((index) => name === index || name.startsWith(`${index}_`)))) {
    const columns = sqlite.pragma(`table_info("${table.replaceAll('"', '""')}")`) as { name: string; type: string; notnull: number; pk: number }[];
    // An INTEGER PRIMARY KEY is the rowid: never null, though table_info reports notnull = 0.
    result.set(table, columns.map((c) => ({ name: c.name, type: c.type, nullable: c.notnull === 0 && c.pk === 0 })));
  }
  return result;
}
