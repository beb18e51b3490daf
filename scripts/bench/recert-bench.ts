import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CompiledQuery } from 'kysely';
import { addDays } from '../../shared/calendar-date';
import { DEFAULT_RECERT_POLICY } from '../../shared/domain/recert-policy';
import { personListInput } from '../../shared/domain/person';
import { owedRanges } from '../../shared/recert';
import type { Stage } from '../../shared/workflow';
import { fixedClock } from '../../electron/core/clock';
import { createCore } from '../../electron/core/create-core';
import { openDatabase } from '../../electron/core/db/open-database';
import { listQueries } from '../../electron/core/people/people-list.repo';
import { openSqlite } from '../../electron/core/db/sqlite.repo';
import { deactivationQueries } from '../../electron/core/recert/deactivations.repo';
import { dueFilter } from '../../electron/core/recert/due-service';
import { calendarQuery, dueQueries } from '../../electron/core/recert/recert.repo';
import { median, percentile, timeAsync, timeSync, type BenchRow } from './bench-types';
import { rawRemind, runMarks } from './remind-raw';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const REMIND_ROUNDS = Number(process.env.BENCH_REMIND_ROUNDS ?? 5);
const NOW = '2026-11-28T15:00:00.000Z';
const TODAY = NOW.slice(0, 10);
const RECERT_STAGES: Stage[] = ['active', 'recert_due_soon', 'recert_due', 'recert_overdue', 'lapsed', 'deactivated'];

interface Probe {
  name: string;
  goal: string;
  ours: () => Promise<unknown>;
  raw: () => unknown;
}

const row = (name: string, ours: number[], raw: number[], goal: string): BenchRow => ({
  name,
  medianMs: median(ours),
  p95Ms: percentile(ours, 95),
  baselineMs: median(raw),
  ratio: median(ours) / median(raw),
  goal,
  note: `${ours.length} samples; raw p95 ${percentile(raw, 95).toFixed(1)} ms`,
});

/**
 * At 100,000 people (the demo seed certifies about 4,400 of them over the past 13½ months: a third
 * of the first 1,200, then one in 24): the due list, the month heat map, the deactivation tasks,
 * the recertification queues of the master list (each against the same SQL on bare
 * better-sqlite3), and the daily reminder run (against the raw engine's floor for the same rows,
 * remind-raw.ts), its dry run and a second run that day.
 */
export async function benchRecert(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-bench-recert-'));
  const file = path.join(dataDir, 'hmis.sqlite');
  try {
    const core = await createCore({ dataDir, clock: fixedClock(NOW), operator: 'bench' });
    await core.handlers['demo.seed']({ people: PEOPLE });
    const raw = new BetterSqlite3(file, { readonly: true });
    const compiler = openDatabase(file, new Date().toISOString());
    const statements = new Map<string, BetterSqlite3.Statement>();
    const run = (q: CompiledQuery) => (statements.get(q.sql) ?? statements.set(q.sql, raw.prepare(q.sql)).get(q.sql)!).all(...(q.parameters as unknown[]));
    const dueInput = { withinDays: 60, offset: 0, limit: 100 };
    const month = TODAY.slice(0, 7);
    const probes: Probe[] = [
      {
        name: 'recert.due within 60 days, first page + count',
        goal: '≤ 200 ms',
        ours: () => core.handlers['recert.due'](dueInput),
        raw: () => {
          const q = dueQueries(compiler.db, dueFilter(dueInput, TODAY, DEFAULT_RECERT_POLICY), 0, 100);
          run(q.page);
          return run(q.count);
        },
      },
      {
        name: 'recert.calendar month heat map',
        goal: '≤ 200 ms',
        ours: () => core.handlers['recert.calendar']({ month }),
        raw: () => run(calendarQuery(compiler.db, { from: `${month}-01`, to: addDays(`${month}-01`, 30) })),
      },
      {
        name: 'recert.deactivations first page + count',
        goal: '≤ 20 ms',
        ours: () => core.handlers['recert.deactivations']({ offset: 0, limit: 100 }),
        raw: () => {
          const q = deactivationQueries(compiler.db, TODAY, DEFAULT_RECERT_POLICY.graceDays, 0, 100);
          run(q.page);
          return run(q.count);
        },
      },
      ...RECERT_STAGES.map((stage): Probe => {
        const input = { stage, sort: 'name' as const, direction: 'asc' as const, offset: 0, limit: 100 };
        return {
          name: `people.list stage=${stage} first page + count`,
          goal: '≤ 20 ms',
          ours: () => core.handlers['people.list'](input),
          raw: () => {
            const q = listQueries(compiler.db, personListInput.parse(input), TODAY);
            run(q.page);
            return run(q.count);
          },
        };
      }),
    ];
    const samples = probes.map(() => ({ ours: [] as number[], raw: [] as number[] }));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [i, p] of probes.entries()) {
        samples[i]!.ours.push(await timeAsync(p.ours));
        samples[i]!.raw.push(timeSync(p.raw));
      }
    }
    const totals = await Promise.all(RECERT_STAGES.map(async (stage) => `${stage} ${(await core.handlers['people.list']({ stage, sort: 'name', direction: 'asc', offset: 0, limit: 1 })).total}`));
    // The daily run: each round starts from the same state (what a run adds is removed after it),
    // ours through the core, then the raw engine's floor for the same rows (remind-raw.ts).
    const writer = openSqlite(file);
    const reset = runMarks(writer);
    const ranges = owedRanges(TODAY, DEFAULT_RECERT_POLICY);
    const remindOurs: number[] = [];
    const remindRaw: number[] = [];
    let queued = 0;
    let rawQueued = 0;
    for (let round = 0; round < REMIND_ROUNDS; round += 1) {
      remindOurs.push(await timeAsync(async () => {
        queued = (await core.handlers['recert.remind']({ dryRun: false })).queued;
      }));
      reset();
      remindRaw.push(timeSync(() => (rawQueued = rawRemind(writer, ranges, TODAY, NOW))));
      reset();
    }
    const dryMs = await timeAsync(() => core.handlers['recert.remind']({ dryRun: true }));
    await core.handlers['recert.remind']({ dryRun: false });
    const againMs = await timeAsync(() => core.handlers['recert.remind']({ dryRun: false }));
    writer.close();
    raw.close();
    await compiler.close();
    await core.close();
    return [
      ...probes.map((p, i) => row(p.name, samples[i]!.ours, samples[i]!.raw, p.goal)),
      {
        ...row(`recert.remind daily run at ${PEOPLE.toLocaleString('en-US')} people`, remindOurs, remindRaw, '≤ 2 s'),
        note: `${remindOurs.length} runs; ${queued} messages queued (raw ${rawQueued}); ${totals.join(', ')}`,
      },
      { name: '  the same run as a dry run ("What goes out today", once)', medianMs: dryMs, goal: '≤ 2 s', note: 'reads only' },
      { name: '  the same run again that day (once)', medianMs: againMs, goal: '≤ 2 s', note: 'everything already queued' },
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
