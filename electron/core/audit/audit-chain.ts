import { hash } from 'node:crypto';

/** The "previous hash" of the first row: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit row as stored: `before` and `after` are the JSON text exactly as written. */
export interface ChainRow {
  id: number;
  at: string;
  operator: string;
  action: string;
  entity: string;
  entity_id: number | null;
  before: string | null;
  after: string | null;
  note: string | null;
}

/**
 * The canonical serialisation: the row's columns in a fixed order as a JSON array. The JSON
 * columns stay the text that was stored (never re-serialised), so the same bytes hash the same in
 * every version of the app.
 */
export function canonicalRow(row: ChainRow): string {
  return JSON.stringify([row.id, row.at, row.operator, row.action, row.entity, row.entity_id, row.before, row.after, row.note]);
}

/**
 * sha256(previous hash + "\n" + canonical row), hex: a changed, removed or reordered row breaks
 * every link after it. The one-shot `crypto.hash` costs a fraction of a `createHash` object per
 * row, which is what a 100,000-row seed or import notices.
 */
export function rowHash(prevHash: string, row: ChainRow): string {
  return hash('sha256', `${prevHash}\n${canonicalRow(row)}`, 'hex');
}
