/**
 * `npm run bench`: every figure the issues name, as medians and as ratios against the raw engine
 * measured in the same run. Not a test: nothing here fails on a slow machine. `BENCH_ONLY=people`
 * runs one suite.
 */
import { benchAudit } from './audit-bench';
import type { BenchRow } from './bench-types';
import { benchDocuments } from './documents-bench';
import { benchIntake } from './intake-bench';
import { benchMail } from './mail-bench';
import { benchPeople } from './people-bench';
import { benchQuizzes } from './quizzes-bench';
import { benchRecert } from './recert-bench';
import { benchReports } from './reports-bench';
import { benchRoster } from './roster-bench';
import { benchWorker } from './worker-bench';
import { benchMailDocuments } from './mail-documents-bench';

type Suite = { name: string; run: () => Promise<BenchRow[]> };

/** One line per suite; `BENCH_ONLY=people,mail` picks some. */
const SUITES: Suite[] = [
  { name: 'people', run: benchPeople },
  { name: 'mail', run: benchMail },
  { name: 'intake', run: benchIntake },
  { name: 'documents', run: benchDocuments },
  { name: 'quizzes', run: benchQuizzes },
  { name: 'recert', run: benchRecert },
  { name: 'roster', run: benchRoster },
  { name: 'worker', run: benchWorker },
  { name: 'audit', run: benchAudit },
  { name: 'reports', run: benchReports },
  { name: 'mail-documents', run: benchMailDocuments },
];

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
  const suites = SUITES.filter((s) => !only || only.includes(s.name));
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
