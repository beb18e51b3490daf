import type BetterSqlite3 from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3…: applied in order, each once, each in its own transaction. */
  version: number;
  name: string;
  /** Never edit once landed: its checksum is recorded and a changed one is refused. */
  sql: string;
  /**
   * Rows SQL alone cannot compute (migration 013 hashes the audit chain with node:crypto): runs
   * after `sql`, in the same transaction. Like `sql`, never edited once landed.
   */
  run?(sqlite: BetterSqlite3.Database): void;
  /** SQL after `run` (triggers that would refuse its writes); part of the checksum. */
  sqlAfter?: string;
}
