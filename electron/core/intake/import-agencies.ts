import { insertAgency } from '../agencies/agencies.repo';
import { insertAudit } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import type { Db } from '../db/open-database';
import { loadAgencies } from './intake.repo';
import { textKey } from './text-keys';

/**
 * Unknown agencies are never created silently: a typo ("Rivr City Outreach") would become a
 * new partner agency. The preview lists them; only the names the user confirmed are added,
 * and only if some row of the file still names them.
 */
export async function createConfirmedAgencies(trx: Db, ctx: CoreContext, confirmed: readonly string[], file: { fileName: string; rows: { raw: { agency?: string } }[] }): Promise<string[]> {
  if (!confirmed.length) return [];
  const known = await loadAgencies(trx);
  const named = new Set(file.rows.map((r) => textKey(r.raw.agency ?? '')));
  const created: string[] = [];
  const at = ctx.clock.now().toISOString();
  for (const name of confirmed) {
    const key = textKey(name);
    if (!key || known.has(key) || !named.has(key)) continue;
    const row = { name, address: null, phone: null, contactName: null, contactEmail: null };
    const id = await insertAgency(trx, row, at);
    await insertAudit(trx, { at, operator: ctx.operator, action: 'agency.created', entity: 'agency', entityId: id, after: row, note: `Added while importing ${file.fileName}` });
    known.set(key, { id, name });
    created.push(name);
  }
  return created;
}
