import type { ImportField } from '../../../shared/domain/intake';
import { insertAudits, type AuditWrite } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import type { Db } from '../db/open-database';
import { insertPeople, type PersonRow } from '../people/people.repo';
import { personRow, savePersonChanges } from '../people/person-writes';
import { CHUNK, chunks, insertImportBatch, insertImportRows, type ImportRowWrite } from './intake.repo';
import type { JudgedRow } from './judge-rows';
import { requestAuditFields } from './requests/request-audit';
import { openRequest } from './requests/requests-service';

export interface ImportPlan {
  fileName: string;
  sha256: string;
  mapping: { header: string; field: ImportField | null }[];
  newRows: JudgedRow[];
  updateRows: JudgedRow[];
  counts: Record<string, number>;
}

export interface WriteOutcome {
  batchId: number | null;
  written: number;
}

const sourceNote = (verb: string, fileName: string, row: number) => `${verb} from ${fileName} row ${row}`;

function newPersonRow(j: JudgedRow): PersonRow {
  const v = j.values;
  if (!v || v.agencyId === null) throw new Error(`Row ${j.row} reached the writer without a valid agency`);
  return personRow({ ...v, agencyId: v.agencyId });
}

function possibleNote(j: JudgedRow): string {
  if (!j.possibleDuplicates.length) return '';
  const names = j.possibleDuplicates.map((d) => (d.personId ? `${d.name} <${d.email}>` : `row ${d.row}`)).join(', ');
  return `; possibly the same person as ${names}`;
}

/**
 * Writes one import inside the caller's transaction: new people in bulk, updates one by one,
 * an audit entry per person naming the file and row, and the batch with a hash per row so the
 * same registrations are recognised next time.
 */
export async function writeImport(trx: Db, ctx: CoreContext, plan: ImportPlan): Promise<WriteOutcome> {
  const at = ctx.clock.now().toISOString();
  const total = plan.newRows.length + plan.updateRows.length;
  if (total === 0) return { batchId: null, written: 0 };
  const personIds = new Map<number, number>();
  let done = 0;
  for (const part of chunks(plan.newRows)) {
    const rows = part.map(newPersonRow);
    const ids = await insertPeople(trx, rows, at);
    const audits: AuditWrite[] = ids.map((id, i) => {
      const j = part[i] as JudgedRow;
      personIds.set(j.row, id);
      return { at, operator: ctx.operator, action: 'person.registered', entity: 'person', entityId: id, after: { ...rows[i] }, note: sourceNote('Registered', plan.fileName, j.row) + possibleNote(j) };
    });
    await insertAudits(trx, audits);
    done += part.length;
    ctx.emit('progress', { job: 'intake.import', label: 'Importing registrations', done, total });
  }
  for (const j of plan.updateRows) {
    await writeUpdate(trx, ctx, j, plan.fileName, at, personIds);
    done += 1;
    if (done % CHUNK === 0) ctx.emit('progress', { job: 'intake.import', label: 'Importing registrations', done, total });
  }
  const batchId = await insertBatch(trx, ctx, plan, at);
  await insertImportRows(trx, batchId, importRows([...plan.newRows, ...plan.updateRows], personIds));
  ctx.emit('progress', { job: 'intake.import', label: 'Importing registrations', done: total, total });
  return { batchId, written: total };
}

async function writeUpdate(trx: Db, ctx: CoreContext, j: JudgedRow, fileName: string, at: string, personIds: Map<number, number>): Promise<void> {
  const existing = j.existing;
  const plan = j.plan;
  if (!existing || !plan) return;
  personIds.set(j.row, existing.id);
  const by = { at, operator: ctx.operator, note: sourceNote('Updated', fileName, j.row) };
  await savePersonChanges(trx, existing, personRow(existing), plan.after, by);
  if (!plan.request) return;
  const requestId = await openRequest(trx, { personId: existing.id, ...plan.request, note: by.note }, at);
  // Opened meanwhile by someone else: the row asked for what is already there.
  if (requestId === undefined) return;
  await insertAudits(trx, [{ at, operator: ctx.operator, action: 'request.opened', entity: 'person', entityId: existing.id, after: requestAuditFields(requestId, plan.request), note: by.note }]);
}

async function insertBatch(trx: Db, ctx: CoreContext, plan: ImportPlan, at: string): Promise<number> {
  const id = await insertImportBatch(trx, { fileName: plan.fileName, sha256: plan.sha256, mapping: plan.mapping, counts: plan.counts, operator: ctx.operator }, at);
  await insertAudits(trx, [{ at, operator: ctx.operator, action: 'import.completed', entity: 'import', entityId: id, after: { fileName: plan.fileName, sha256: plan.sha256, ...plan.counts } }]);
  return id;
}

function importRows(rows: JudgedRow[], personIds: Map<number, number>): ImportRowWrite[] {
  return rows.map((j) => ({ rowNumber: j.row, rowHash: j.hash, personId: personIds.get(j.row) ?? 0, outcome: j.verdict === 'new' ? 'imported' : 'updated' }));
}
