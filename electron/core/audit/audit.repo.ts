import type { AuditEntity, AuditEntry } from '../../../shared/domain/audit';
import type { Db } from '../db/open-database';
import { runChunked } from '../quizzes/chunked.repo';

export interface AuditWrite {
  at: string;
  operator: string;
  action: string;
  entity: AuditEntity;
  entityId: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  note?: string | null;
}

function toColumns(entry: AuditWrite) {
  return {
    at: entry.at,
    operator: entry.operator,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before: entry.before ? JSON.stringify(entry.before) : null,
    after: entry.after ? JSON.stringify(entry.after) : null,
    note: entry.note ?? null,
  };
}

/** 8 values a row: 500 rows keep each statement well under SQLite's limit of 32,766 variables. */
const BATCH_CHUNK = 500;

/** Audit rows for a batch (an import of thousands of attempts) in as few statements as SQLite allows. */
export async function insertAuditBatch(trx: Db, entries: readonly AuditWrite[]): Promise<void> {
  await runChunked(trx, entries, BATCH_CHUNK, (chunk) => trx.insertInto('audit').values(chunk.map(toColumns)), (entry) => Object.values(toColumns(entry)));
}

/** Call inside the same transaction as the change it records: both commit or neither. */
export async function insertAudit(trx: Db, entry: AuditWrite): Promise<void> {
  await trx.insertInto('audit').values(toColumns(entry)).execute();
}

export async function insertAudits(trx: Db, entries: readonly AuditWrite[]): Promise<void> {
  if (entries.length) await trx.insertInto('audit').values(entries.map(toColumns)).execute();
}

export async function auditFor(db: Db, entity: AuditEntity, entityId: number): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    // Newest first by when it happened; the id breaks ties (and orders writes of one instant).
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    operator: row.operator,
    action: row.action,
    entity: row.entity as AuditEntity,
    entityId: row.entity_id,
    before: row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null,
    after: row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null,
    note: row.note,
  }));
}
