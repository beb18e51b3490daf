import type { AuditVerifyResult } from '../../../shared/domain/audit';
import { plural } from '../../../shared/plural';
import type { Db } from '../db/open-database';
import { GENESIS_HASH, rowHash } from './audit-chain';
import { auditPage } from './audit-viewer.repo';

const PAGE = 5_000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

type Broken = NonNullable<AuditVerifyResult['broken']>;

function describeRow(row: Omit<Broken, 'reason'>): string {
  const on = row.entityId === null ? row.entity.replace('_', ' ') : `${row.entity.replace('_', ' ')} #${row.entityId}`;
  return `row ${row.id.toLocaleString('en-US')} (“${row.action}” on ${on}, ${row.at.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC')}, by ${row.operator})`;
}

function brokenMessage(broken: Broken): string {
  const row = describeRow(broken);
  const after = ' Rows from there on cannot be trusted; keep the data folder as it is and compare it with your latest backup.';
  if (broken.reason === 'changed') return `The audit trail was altered at ${row}: its contents no longer match the hash written with it.${after}`;
  if (broken.reason === 'unhashed') return `The audit trail was altered at ${row}: it carries no hash, so it was not written by HMIS Access Desk.${after}`;
  return `The audit trail is broken at ${row}: the row before it is not the one it was chained to, so a row before it was removed, inserted or changed.${after}`;
}

/**
 * Walks the chain from the first row in id order, a page at a time (yielding between pages, so
 * other calls are answered while a large audit is checked), and stops at the first row whose link
 * or hash does not hold. Removing the newest rows leaves a shorter, intact chain: `lastHash` is
 * there to note down and compare.
 */
export async function verifyAuditChain(db: Db): Promise<AuditVerifyResult> {
  let prev = GENESIS_HASH;
  let rows = 0;
  let afterId = 0;
  for (;;) {
    const page = await auditPage(db, afterId, PAGE);
    for (const row of page) {
      const reason: Broken['reason'] | null = !row.hash || !row.prev_hash ? 'unhashed' : row.prev_hash !== prev ? 'unlinked' : rowHash(prev, row) !== row.hash ? 'changed' : null;
      if (reason) {
        const broken = { id: row.id, at: row.at, operator: row.operator, action: row.action, entity: row.entity, entityId: row.entity_id, reason };
        return { ok: false, rows, lastHash: prev === GENESIS_HASH ? null : prev, broken, message: brokenMessage(broken) };
      }
      prev = row.hash!;
      rows += 1;
    }
    if (page.length < PAGE) break;
    afterId = page[page.length - 1]!.id;
    await yieldToEventLoop();
  }
  const message = rows
    ? `The audit trail is intact: ${plural(rows, 'row', 'rows')}, each chained to the one before it. The newest row's hash is ${prev.slice(0, 16)}…`
    : 'The audit trail is empty: nothing has been recorded yet.';
  return { ok: true, rows, lastHash: rows ? prev : null, broken: null, message };
}
