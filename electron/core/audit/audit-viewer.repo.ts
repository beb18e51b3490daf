import type { AuditEntity, AuditEntry, AuditFilters } from '../../../shared/domain/audit';
import type { Db } from '../db/open-database';
import { trainingDb } from '../training/training-schema';

/** One page of stored rows in id order, after `afterId`: `audit verify` walks the chain with these. */
export async function auditPage(db: Db, afterId: number, limit: number) {
  return db
    .selectFrom('audit')
    .select(['id', 'at', 'operator', 'action', 'entity', 'entity_id', 'before', 'after', 'note', 'prev_hash', 'hash'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The day filters compare the stored ISO instant's text: "2026-12-03" ≤ at < "2026-12-04". */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function filtered(db: Db, filters: AuditFilters) {
  let query = db.selectFrom('audit');
  if (filters.from) query = query.where('at', '>=', filters.from);
  if (filters.to) query = query.where('at', '<', nextDay(filters.to));
  if (filters.entity) query = query.where('entity', '=', filters.entity);
  if (filters.action) query = query.where('action', '=', filters.action);
  if (filters.operator) query = query.where('operator', '=', filters.operator);
  return query;
}

function toEntry(row: { id: number; at: string; operator: string; action: string; entity: string; entity_id: number | null; before: string | null; after: string | null; note: string | null }): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    operator: row.operator,
    action: row.action,
    entity: row.entity as AuditEntity,
    entityId: row.entity_id,
    before: row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null,
    after: row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null,
    note: row.note,
  };
}

/** Newest first by id (the order rows were written; the chain's order). */
export async function listAudit(db: Db, filters: AuditFilters, offset: number, limit: number): Promise<{ total: number; items: AuditEntry[] }> {
  const [count, rows] = await Promise.all([
    filtered(db, filters).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    filtered(db, filters).select(['id', 'at', 'operator', 'action', 'entity', 'entity_id', 'before', 'after', 'note']).orderBy('id', 'desc').offset(offset).limit(limit).execute(),
  ]);
  return { total: Number(count.n), items: rows.map(toEntry) };
}

/** Every filtered row, newest first, in pages (an export of a year's audit). */
export async function* auditRows(db: Db, filters: AuditFilters, pageSize = 5_000): AsyncGenerator<AuditEntry[]> {
  let beforeId = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = await filtered(db, filters)
      .select(['id', 'at', 'operator', 'action', 'entity', 'entity_id', 'before', 'after', 'note'])
      .where('id', '<', beforeId)
      .orderBy('id', 'desc')
      .limit(pageSize)
      .execute();
    if (!rows.length) return;
    yield rows.map(toEntry);
    beforeId = rows[rows.length - 1]!.id;
  }
}

export async function auditFilterOptions(db: Db): Promise<{ actions: string[]; operators: string[] }> {
  const [actions, operators] = await Promise.all([
    db.selectFrom('audit').select('action').distinct().orderBy('action').execute(),
    db.selectFrom('audit').select('operator').distinct().orderBy('operator').execute(),
  ]);
  return { actions: actions.map((r) => r.action), operators: operators.map((r) => r.operator) };
}

/** Names the audit's sentences turn ids into (agencies, access levels, quizzes). */
export async function auditNameLists(db: Db) {
  const [agencies, levels, quizzes] = await Promise.all([
    db.selectFrom('agencies').select(['id', 'name']).execute(),
    db.selectFrom('access_levels').select(['id', 'name']).execute(),
    trainingDb(db).selectFrom('quizzes').select(['id', 'title']).execute(),
  ]);
  return { agencies, levels, quizzes };
}
