import { insertAudits, type AuditWrite } from '../audit/audit.repo';
import type { Db } from '../db/open-database';

/** 8 values a row: 500 rows keep each statement well under SQLite's limit of 32,766 variables. */
const CHUNK = 500;

/** Audit rows for a batch (an import of thousands of attempts) in as few statements as SQLite allows. */
export async function insertAuditBatch(trx: Db, entries: readonly AuditWrite[]): Promise<void> {
  for (let i = 0; i < entries.length; i += CHUNK) await insertAudits(trx, entries.slice(i, i + CHUNK));
}
