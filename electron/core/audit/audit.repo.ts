import { sql } from 'kysely';
import type { AuditEntity, AuditEntry } from '../../../shared/domain/audit';
import type { Db } from '../db/open-database';
import { runChunked } from '../quizzes/chunked.repo';
import { GENESIS_HASH, rowHash, type ChainRow } from './audit-chain';

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

type ChainedColumns = ChainRow & { prev_hash: string; hash: string };

/** The newest row's id and hash: where the next row's link starts. */
async function chainTail(trx: Db): Promise<{ id: number; hash: string }> {
  const tail = await trx.selectFrom('audit').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return tail ? { id: tail.id, hash: tail.hash ?? GENESIS_HASH } : { id: 0, hash: GENESIS_HASH };
}

/**
 * Numbers and chains the entries after the newest row (migration 013). Runs inside the caller's
 * transaction, which has written already or holds the write lock by its first write here, so no
 * other writer can slip a row in between: a second process that tried would fail on the id.
 */
async function chained(trx: Db, entries: readonly AuditWrite[]): Promise<ChainedColumns[]> {
  let { id, hash } = await chainTail(trx);
  return entries.map((entry) => {
    const row: ChainRow = { id: (id += 1), ...toColumns(entry) };
    const prev = hash;
    hash = rowHash(prev, row);
    return { ...row, prev_hash: prev, hash };
  });
}

const columnValues = (row: ChainedColumns) => [row.id, row.at, row.operator, row.action, row.entity, row.entity_id, row.before, row.after, row.note, row.prev_hash, row.hash];

/** 11 values a row: 2,000 rows keep each statement under SQLite's limit of 32,766 variables. */
const BATCH_CHUNK = 2_000;

/** Audit rows for a batch (an import of thousands of attempts) in as few statements as SQLite allows. */
export async function insertAuditBatch(trx: Db, entries: readonly AuditWrite[]): Promise<void> {
  if (!entries.length) return;
  await runChunked(trx, await chained(trx, entries), BATCH_CHUNK, (chunk) => trx.insertInto('audit').values([...chunk]), columnValues);
}

/** Call inside the same transaction as the change it records: both commit or neither. */
export async function insertAudit(trx: Db, entry: AuditWrite): Promise<void> {
  await trx.insertInto('audit').values(await chained(trx, [entry])).execute();
}

export async function insertAudits(trx: Db, entries: readonly AuditWrite[]): Promise<void> {
  await insertAuditBatch(trx, entries);
}

/**
 * The ids whose history is a person's own: the person, and everyone merged into them (and into
 * those), each only up to the audit row of its merge, so an id SQLite later reuses for someone new
 * does not lend them its history.
 */
function personTimeline(db: Db, personId: number) {
  return sql<{ entity_id: number; upto: number }>`
    WITH RECURSIVE merged(entity_id, upto) AS (
      SELECT ${personId}, ${Number.MAX_SAFE_INTEGER}
      UNION
      SELECT json_extract(a.before, '$.mergedPersonId'), a.id
      FROM audit a JOIN merged m ON a.entity = 'person' AND a.entity_id = m.entity_id AND a.id <= m.upto
      WHERE a.action = 'person.merged'
    )
    SELECT entity_id, upto FROM merged`.execute(db);
}

export async function auditFor(db: Db, entity: AuditEntity, entityId: number): Promise<AuditEntry[]> {
  const timeline = entity === 'person' ? (await personTimeline(db, entityId)).rows : [{ entity_id: entityId, upto: Number.MAX_SAFE_INTEGER }];
  const rows = await db
    .selectFrom('audit')
    .selectAll()
    .where('entity', '=', entity)
    .where((eb) => eb.or(timeline.map((t) => eb.and([eb('entity_id', '=', t.entity_id), eb('id', '<=', t.upto)]))))
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
