/**
 * Documents: 200 two-page End User Agreements attached in one batch through the core (size and
 * header checks, the worker pool, recognition, matching, the content-addressed store with fsync,
 * one commit per document), against bare pdf.js parsing the same files on the main thread in the
 * same run. The main thread's event-loop delay is sampled during the batch: reading PDFs must not
 * freeze the app.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createCore, type Core } from '../../electron/core/create-core';
import { makeSampleForm, type SampleFormPerson } from '../../electron/core/documents/samples/sample-forms';
import { median, percentile, type BenchRow } from './bench-types';

const FILES = Number(process.env.BENCH_DOCUMENTS_FILES ?? 200);
const RUNS = Number(process.env.BENCH_DOCUMENTS_RUNS ?? 3);
// The app keeps its readers running; a fresh pool is warmed as a day of use would (JIT included).
const WARM_FILES = 60;

const person = (i: number): SampleFormPerson => ({
  firstName: `Bench${i}`,
  lastName: `Person${i}`,
  email: `bench.person${i}@agency${i % 7}.example.org`,
  agencyName: 'Delta Recovery Services',
  accessLevelName: 'Read Only',
  supervisorName: 'James Nguyen',
  supervisorEmail: 'james.nguyen@delta.example.org',
});

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * The same getDocument options the reader worker uses (standard fonts and cMaps from disk
 * included), so the baseline does the same parsing work, just without the app around it.
 */
async function bareParse(bytes: Uint8Array): Promise<void> {
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    standardFontDataUrl: `${path.join(pdfjsDir, 'standard_fonts')}${path.sep}`,
    cMapUrl: `${path.join(pdfjsDir, 'cmaps')}${path.sep}`,
    cMapPacked: true,
  });
  const doc = await task.promise;
  for (let n = 1; n <= doc.numPages; n += 1) await (await doc.getPage(n)).getTextContent();
  await doc.getFieldObjects();
  await task.destroy();
}

async function bareRun(files: readonly Uint8Array[]): Promise<number> {
  const start = performance.now();
  for (const bytes of files) await bareParse(bytes);
  return performance.now() - start;
}

async function arrange(core: Core, count: number): Promise<number[]> {
  await core.handlers['app.dismissWelcome']({});
  const agency = await core.handlers['agencies.create']({ name: 'Delta Recovery Services' });
  const level = (await core.handlers['accessLevels.list']({})).find((l) => l.name === 'Read Only') ?? (await core.handlers['accessLevels.list']({}))[0]!;
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const p = person(i);
    ids.push((await core.handlers['people.create']({ firstName: p.firstName, lastName: p.lastName, email: p.email, agencyId: agency.id, accessLevelId: level.id, requestType: 'new_user' })).id);
  }
  return ids;
}

interface OursRun {
  ms: number;
  loopP99Ms: number;
  loopMaxMs: number;
  poolSize: number;
  /** How long the main thread itself was busy during the batch (not waiting on workers or disk). */
  mainBusyMs: number;
}

/** A fresh data folder; the pool warmed on other files (the app keeps it running); then the timed batch. */
async function oursRun(files: readonly Uint8Array[], warm: readonly Uint8Array[]): Promise<OursRun> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-bench-docs-'));
  const core = await createCore({ dataDir, operator: 'bench' });
  try {
    const ids = await arrange(core, files.length + warm.length);
    await Promise.all(warm.map((bytes, i) => core.handlers['documents.attach']({ personId: ids[files.length + i] as number, fileName: 'warm.pdf', bytes, kind: 'staff_verification' })));
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const busy = performance.eventLoopUtilization();
    const start = performance.now();
    const results = await Promise.all(files.map((bytes, i) => core.handlers['documents.attach']({ personId: ids[i] as number, fileName: `agreement-${i}.pdf`, bytes })));
    const ms = performance.now() - start;
    const mainBusyMs = performance.eventLoopUtilization(busy).active;
    loop.disable();
    if (results.some((r) => r.document?.status !== 'in_review')) throw new Error('A bench document was not attached');
    return { ms, loopP99Ms: loop.percentile(99) / 1e6, loopMaxMs: loop.max / 1e6, poolSize: core.documents.pool.size, mainBusyMs };
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchDocuments(): Promise<BenchRow[]> {
  const files = await Promise.all(Array.from({ length: FILES }, (_, i) => makeSampleForm({ kind: 'end_user_agreement', person: person(i), style: i % 2 ? 'fields' : 'flat' })));
  const warm = await Promise.all(Array.from({ length: WARM_FILES }, (_, i) => makeSampleForm({ kind: 'staff_verification', person: person(FILES + i) })));
  await bareRun(files.slice(0, 40)); // warm-up: JIT and pdf.js's own module loading
  const bare: number[] = [];
  const ours: OursRun[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    bare.push(await bareRun(files));
    ours.push(await oursRun(files, warm));
  }
  const ms = median(ours.map((r) => r.ms));
  const baseline = median(bare);
  const perSecond = (t: number) => Math.round((FILES / t) * 1000);
  const loop = ours.map((r) => r.loopP99Ms);
  return [
    {
      name: `documents: attach ${FILES} two-page forms in one batch`,
      medianMs: ms,
      p95Ms: percentile(ours.map((r) => r.ms), 95),
      baselineMs: baseline,
      ratio: ms / baseline,
      goal: '≥ 100 files/s, ratio ≤ 1.5',
      note: `${perSecond(ms)} files/s vs bare pdf.js ${perSecond(baseline)} files/s on one thread; pool of ${ours[0]?.poolSize} workers; ${RUNS} runs`,
    },
    {
      name: 'documents: main-thread event-loop delay p99 during the batch',
      medianMs: median(loop),
      p95Ms: Math.max(...loop),
      goal: 'p99 ≤ 50 ms',
      note: `worst single delay ${Math.max(...ours.map((r) => r.loopMaxMs)).toFixed(1)} ms; main thread busy ${Math.round(median(ours.map((r) => r.mainBusyMs)))} ms of the batch`,
    },
  ];
}
