import type { Migration } from '../migration';
import { GENESIS_HASH, rowHash, type ChainRow } from '../../audit/audit-chain';

/**
 * The audit trail becomes tamper-evident: each row carries the hash of the row before it and its
 * own hash over its contents and that link (audit/audit-chain.ts). Rows already written are
 * chained here in id order; afterwards triggers refuse any UPDATE or DELETE, and an INSERT that
 * does not continue the chain from the newest row.
 */
export const migration013: Migration = {
  version: 13,
  name: 'audit-chain',
  sql: `
ALTER TABLE audit ADD COLUMN prev_hash TEXT CHECK (prev_hash IS NULL OR length(prev_hash) = 64);
ALTER TABLE audit ADD COLUMN hash TEXT CHECK (hash IS NULL OR length(hash) = 64);
`,
  run(sqlite) {
    const update = sqlite.prepare('UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?');
    // In pages: better-sqlite3 cannot write while a statement is still iterating.
    const page = sqlite.prepare('SELECT id, at, operator, action, entity, entity_id, before, after, note FROM audit WHERE id > ? ORDER BY id LIMIT 5000');
    let prev = GENESIS_HASH;
    for (let rows = page.all(0) as ChainRow[]; rows.length; rows = page.all(rows[rows.length - 1]!.id) as ChainRow[]) {
      for (const row of rows) {
        const hash = rowHash(prev, row);
        update.run(prev, hash, row.id);
        prev = hash;
      }
    }
  },
  sqlAfter: `
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
  SELECT RAISE(ABORT, 'The audit trail is append-only: its rows cannot be changed.');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
  SELECT RAISE(ABORT, 'The audit trail is append-only: its rows cannot be removed.');
END;
CREATE TRIGGER audit_continues_chain BEFORE INSERT ON audit
WHEN new.hash IS NULL
  OR new.id <= coalesce((SELECT max(id) FROM audit), 0)
  OR new.prev_hash IS NOT coalesce((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), '${GENESIS_HASH}')
BEGIN
  SELECT RAISE(ABORT, 'An audit row must continue the chain from the newest row (write it through audit.repo.ts).');
END;
`,
};
