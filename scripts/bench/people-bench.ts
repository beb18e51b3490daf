import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CompiledQuery } from 'kysely';
import { pendingListInput, PENDING_SECTIONS, type PendingSection } from '../../shared/domain/document-queue';
import { personListInput } from '../../shared/domain/person';
import type { ParsedInput } from '../../shared/contract';
import { STAGES, type Stage } from '../../shared/workflow';
import { fixedClock } from '../../electron/core/clock';
import { createCore, type Core } from '../../electron/core/create-core';
import { openDatabase } from '../../electron/core/db/open-database';
import { pendingQueries } from '../../electron/core/documents/pending.repo';
import { listQueries } from '../../electron/core/people/people-list.repo';
import { median, percentile, timeAsync, timeSync, type BenchRow } from './bench-types';
import { addStageFacts, type Story } from './stage-facts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const NOW = '2026-11-28T15:00:00.000Z';
const TODAY = NOW.slice(0, 10);
/** Typed letter by letter, as a person searching the master list would. */
const TYPED = ['maria', 'garcia', 'river city', 'nguyen', 'okafor'];

const keystrokes = TYPED.flatMap((word) => Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1)).filter((s) => s.trim() === s));

/** The queue pages list oldest registration first; the master list's stage filter sorts by name. */
const QUEUE_SORT: Partial<Record<Stage, string>> = {
  documents_accepted: 'Training to send',
  training_sent: 'Quizzes to grade',
  quiz_passed: 'Credentials to issue',
};

type ListInput = ParsedInput<'people.list'>;
type PendingInput = ParsedInput<'documents.pending'>;

/** Runs the identical SQL (compiled by our repos) straight on better-sqlite3 with cached statements. */
function rawRunner(file: string) {
  const raw = new BetterSqlite3(file, { readonly: true });
  const compiler = openDatabase(file, new Date().toISOString());
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepared = (sql: string) => statements.get(sql) ?? statements.set(sql, raw.prepare(sql)).get(sql)!;
  const run = (q: CompiledQuery, rows: 'all' | 'get') => prepared(q.sql)[rows](...(q.parameters as unknown[]));
  return {
    list(input: ListInput) {
      const q = listQueries(compiler.db, personListInput.parse(input), TODAY);
      run(q.page, 'all');
      return run(q.count, 'get');
    },
    pending(input: PendingInput) {
      const q = pendingQueries(compiler.db, pendingListInput.parse(input));
      run(q.page, 'all');
      return run(q.counts, 'get');
    },
    async close() {
      raw.close();
      await compiler.close();
    },
  };
}

interface Samples {
  ours: number[];
  raw: number[];
  total?: number;
}

/** Every measured request: its row name, goal, how the app answers it and how raw SQL does. */
interface Probe {
  name: string;
  goal: string;
  ours: () => Promise<{ total: number }>;
  raw: () => unknown;
}

function probes(core: Core, raw: ReturnType<typeof rawRunner>): { first: Probe; search: (s: string) => Probe; queues: Probe[] } {
  const first: ListInput = { sort: 'name', direction: 'asc', offset: 0, limit: 100 };
  const list = (name: string, input: ListInput, goal: string): Probe => ({ name, goal, ours: () => core.handlers['people.list'](input), raw: () => raw.list(input) });
  const stageInput = (stage: Stage): ListInput => (QUEUE_SORT[stage] ? { stage, sort: 'registeredOn', direction: 'asc', offset: 0, limit: 100 } : { ...first, stage });
  const pending = (section: PendingSection): Probe => {
    const input: PendingInput = { section, direction: 'desc', offset: 0, limit: 100 };
    return { name: `documents.pending section=${section} first page + every section's count`, goal: '≤ 20 ms', ours: () => core.handlers['documents.pending'](input), raw: () => raw.pending(input) };
  };
  return {
    first: list(`people.list first page of ${PEOPLE.toLocaleString('en-US')}`, first, '≤ 50 ms'),
    search: (s) => list('search', { ...first, search: s }, ''),
    queues: [
      list('people.list whole list sorted by stage, first page + count', { ...first, sort: 'stage' }, '≤ 50 ms'),
      ...STAGES.map((stage) =>
        list(`people.list stage=${stage} first page + count${QUEUE_SORT[stage] ? ` ("${QUEUE_SORT[stage]}" queue, oldest first)` : ' (by name)'}`, stageInput(stage), '≤ 20 ms'),
      ),
      ...PENDING_SECTIONS.map(pending),
    ],
  };
}

async function measure(samples: Samples, probe: Probe): Promise<void> {
  samples.ours.push(await timeAsync(probe.ours));
  samples.raw.push(timeSync(probe.raw));
}

const row = (name: string, s: Samples, goal: string): BenchRow => ({
  name,
  medianMs: median(s.ours),
  p95Ms: percentile(s.ours, 95),
  baselineMs: median(s.raw),
  ratio: median(s.ours) / median(s.raw),
  goal,
  note: `${s.ours.length} samples; raw p95 ${percentile(s.raw, 95).toFixed(1)} ms${s.total === undefined ? '' : `; ${s.total.toLocaleString('en-US')} people`}`,
});

export async function benchPeople(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-bench-'));
  const file = path.join(dataDir, 'hmis.sqlite');
  try {
    let core = await createCore({ dataDir, clock: fixedClock(NOW), operator: 'bench' });
    const seedMs = await timeAsync(() => core.handlers['demo.seed']({ people: PEOPLE }));
    await core.close();
    let stories: Record<Story, number> | undefined;
    const factsMs = await timeAsync(async () => {
      stories = await addStageFacts(file, NOW);
    });
    core = await createCore({ dataDir, clock: fixedClock(NOW), operator: 'bench' });
    const raw = rawRunner(file);
    const { first, search, queues } = probes(core, raw);
    const firstPage: Samples = { ours: [], raw: [] };
    const typed: Samples = { ours: [], raw: [] };
    const byQueue = queues.map(() => ({ ours: [], raw: [] }) as Samples);
    for (let round = 0; round < ROUNDS; round += 1) {
      await measure(firstPage, first);
      for (const s of keystrokes) await measure(typed, search(s));
      for (const [i, probe] of queues.entries()) await measure(byQueue[i] as Samples, probe);
    }
    for (const [i, probe] of queues.entries()) (byQueue[i] as Samples).total = (await probe.ours()).total;
    await raw.close();
    await core.close();
    const facts = Object.entries(stories ?? {}).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ');
    return [
      { name: `demo seed ${PEOPLE.toLocaleString('en-US')} people (once)`, medianMs: seedMs, note: 'committed in chunks of ~25 ms, with audit rows' },
      { name: `  stage facts for ~30% of them (once, bench only)`, medianMs: factsMs, note: `through the repos, no audit rows: ${facts}` },
      row(first.name, firstPage, first.goal),
      row(`people.list search as you type (${keystrokes.length} keystrokes)`, typed, 'p95 ≤ 30 ms, ratio ≤ 2'),
      ...queues.map((probe, i) => row(probe.name, byQueue[i] as Samples, probe.goal)),
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
