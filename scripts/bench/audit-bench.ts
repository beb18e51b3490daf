import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { insertAuditBatch, type AuditWrite } from '../../electron/core/audit/audit.repo';
import { fixedClock } from '../../electron/core/clock';
import { createCore } from '../../electron/core/create-core';
import { openDatabase } from '../../electron/core/db/open-database';
import { median, timeAsync, timeSync, type BenchRow } from './bench-types';

const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_AUDIT_ROUNDS ?? 3);
const NOW = '2026-11-28T15:00:00.000Z';

const entry = (i: number): AuditWrite => ({ at: NOW, operator: 'bench', action: 'person.registered', entity: 'person', entityId: i + 1, after: { firstName: 'Dana', lastName: `Bench${i}`, email: `dana.bench${i}@example.org`, agencyId: 1, accessLevelId: 1 }, note: 'Sample data' });

/** The raw engine: the pre-013 audit insert (no id, no hashes), one prepared 500-row statement, one transaction, into a table without the chain's triggers. */
function rawInsert(file: string, entries: readonly AuditWrite[]): number {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.exec('CREATE TABLE audit_raw (id INTEGER PRIMARY KEY, at TEXT NOT NULL, operator TEXT NOT NULL, action TEXT NOT NULL, entity TEXT NOT NULL, entity_id INTEGER, before TEXT, after TEXT, note TEXT) STRICT');
  const CHUNK = 500;
  const statement = sqlite.prepare(`INSERT INTO audit_raw (at, operator, action, entity, entity_id, before, after, note) VALUES ${Array.from({ length: CHUNK }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`);
  const ms = timeSync(() =>
    sqlite.transaction(() => {
      for (let i = 0; i < entries.length; i += CHUNK) {
        statement.run(entries.slice(i, i + CHUNK).flatMap((e) => [e.at, e.operator, e.action, e.entity, e.entityId, null, JSON.stringify(e.after), e.note ?? null]));
      }
    })(),
  );
  sqlite.close();
  return ms;
}

/** Audit inserts with the hash chain (migration 013) against the unchained insert, `audit verify` over them, and a backup. */
export async function benchAudit(): Promise<BenchRow[]> {
  const entries = Array.from({ length: ROWS }, (_, i) => entry(i));
  const ours: number[] = [];
  const raw: number[] = [];
  const verify: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const dir = mkdtempSync(path.join(tmpdir(), 'hmis-bench-audit-'));
    try {
      raw.push(rawInsert(path.join(dir, 'raw.sqlite'), entries));
      const database = openDatabase(path.join(dir, 'hmis.sqlite'), NOW);
      ours.push(await timeAsync(() => database.db.transaction().execute((trx) => insertAuditBatch(trx, entries))));
      await database.close();
      const core = await createCore({ dataDir: dir, clock: fixedClock(NOW), operator: 'bench' });
      verify.push(await timeAsync(() => core.handlers['audit.verify']({})));
      await core.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const rows = ROWS.toLocaleString('en-US');
  const insertMs = median(ours);
  const rawMs = median(raw);
  return [
    { name: `audit insert ${rows} rows, chained (one transaction)`, medianMs: insertMs, baselineMs: rawMs, ratio: insertMs / rawMs, note: `${ROUNDS} runs; raw = the unchained insert (pre-013) by better-sqlite3, prepared once, same pragmas` },
    { name: `audit verify over ${rows} rows`, medianMs: median(verify), note: 'walks the chain in pages of 5,000, yielding between pages' },
  ];
}
