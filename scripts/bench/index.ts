/**
 * `npm run bench`: every figure the issues name, as medians and as ratios against the raw engine
 * measured in the same run. Not a test: nothing here fails on a slow machine. `BENCH_ONLY=people`
 * runs one suite.
 */
import type { BenchRow } from './bench-types';
import { benchPeople } from './people-bench';

type Suite = { name: string; run: () => Promise<BenchRow[]> };

const SUITES: Suite[] = [{ name: 'people', run: benchPeople }];

async function optionalSuite(name: string, file: string, exportName: string): Promise<Suite | null> {
  try {
    const module = (await import(file)) as Record<string, () => Promise<BenchRow[]>>;
    const run = module[exportName];
    return run ? { name, run } : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw error;
  }
}

const fmt = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(2));

function printTable(rows: BenchRow[]): void {
  const header = ['benchmark', 'median ms', 'p95 ms', 'raw median ms', 'ratio', 'goal', 'note'];
  const lines = rows.map((r) => [r.name, fmt(r.medianMs), fmt(r.p95Ms), fmt(r.baselineMs), r.ratio === undefined ? '' : r.ratio.toFixed(2), r.goal ?? '', r.note ?? '']);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const line of lines) console.log(`| ${line.join(' | ')} |`);
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',');
  const extra = await Promise.all([optionalSuite('mail', './mail-bench.ts', 'benchMail')]);
  const suites = [...SUITES, ...extra.filter((s): s is Suite => s !== null)].filter((s) => !only || only.includes(s.name));
  const rows: BenchRow[] = [];
  for (const suite of suites) {
    console.error(`Running ${suite.name} benchmarks…`);
    rows.push(...(await suite.run()));
  }
  console.log(`\nHMIS Access Desk benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
