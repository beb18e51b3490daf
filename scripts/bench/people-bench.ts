import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { personListInput } from '../../shared/domain/person';
import { fixedClock } from '../../electron/core/clock';
import { createCore } from '../../electron/core/create-core';
import { openDatabase } from '../../electron/core/db/open-database';
import { listQueries } from '../../electron/core/people/people-list.repo';
import { median, percentile, timeAsync, timeSync, type BenchRow } from './bench-types';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
/** Typed letter by letter, as a person searching the master list would. */
const TYPED = ['maria', 'garcia', 'river city', 'nguyen', 'okafor'];

const keystrokes = TYPED.flatMap((word) => Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1)).filter((s) => s.trim() === s));

/** Runs the identical SQL (compiled by our repo) straight on better-sqlite3 with cached statements. */
function rawRunner(file: string) {
  const raw = new BetterSqlite3(file, { readonly: true });
  const compiler = openDatabase(file, new Date().toISOString());
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepared = (sql: string) => statements.get(sql) ?? statements.set(sql, raw.prepare(sql)).get(sql)!;
  return {
    list(input: unknown) {
      const q = listQueries(compiler.db, personListInput.parse(input));
      prepared(q.page.sql).all(...(q.page.parameters as unknown[]));
      return prepared(q.count.sql).get(...(q.count.parameters as unknown[]));
    },
    async close() {
      raw.close();
      await compiler.close();
    },
  };
}

export async function benchPeople(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-bench-'));
  try {
    const core = await createCore({ dataDir, clock: fixedClock('2026-11-28T15:00:00.000Z'), operator: 'bench' });
    const seedMs = await timeAsync(() => core.handlers['demo.seed']({ people: PEOPLE }));
    const raw = rawRunner(path.join(dataDir, 'hmis.sqlite'));
    const first = { sort: 'name', direction: 'asc', offset: 0, limit: 100 } as const;

    const firstCore: number[] = [];
    const firstRaw: number[] = [];
    const searchCore: number[] = [];
    const searchRaw: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      firstCore.push(await timeAsync(() => core.handlers['people.list'](first)));
      firstRaw.push(timeSync(() => raw.list(first)));
      for (const search of keystrokes) {
        searchCore.push(await timeAsync(() => core.handlers['people.list']({ ...first, search })));
        searchRaw.push(timeSync(() => raw.list({ ...first, search })));
      }
    }
    await raw.close();
    await core.close();
    const row = (name: string, ours: number[], base: number[], goal: string): BenchRow => ({
      name,
      medianMs: median(ours),
      p95Ms: percentile(ours, 95),
      baselineMs: median(base),
      ratio: median(ours) / median(base),
      goal,
      note: `${ours.length} samples; raw p95 ${percentile(base, 95).toFixed(1)} ms`,
    });
    return [
      { name: `demo seed ${PEOPLE.toLocaleString('en-US')} people (once)`, medianMs: seedMs, note: 'one transaction, with audit rows' },
      row(`people.list first page of ${PEOPLE.toLocaleString('en-US')}`, firstCore, firstRaw, '≤ 50 ms'),
      row(`people.list search as you type (${keystrokes.length} keystrokes)`, searchCore, searchRaw, 'p95 ≤ 30 ms, ratio ≤ 2'),
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
