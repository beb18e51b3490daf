import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contract } from '../../../shared/contract';
import { createCore } from '../create-core';
import { configureSmtp } from '../mail/test-support/mail-test-kit';
import { createTestSmtpServer, freePort } from '../mail/test-support/smtp-test-server';
import { documentCount, importedPerBatch, leftoversBeforeSweep, outboxByStatus } from './crash-checks.repo';
import { CRASH_AGENCY, IMPORT_ROWS } from './crash-data';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CHILD = path.join(ROOT, 'electron/core/crash/crash-child.ts');
/** "Queued or sent": a message a killed sender had claimed (`sending`) is queued again at the next start. */
const KEPT_STATUSES = new Set(['queued', 'sending', 'sent']);

export interface CrashFigures {
  cycles: number;
  failures: string[];
  /** What the child was doing when it was killed, by step. */
  killedDuring: Record<string, number>;
  importsCommitted: number;
  importsRolledBack: number;
  documents: number;
  outbox: Record<string, number>;
  orphansSwept: number;
  partsSwept: number;
  delivered: number;
}

function runChild(dataDir: string, cycle: number, seed: number, killAfterMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(cycle), String(seed)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let killTimer: NodeJS.Timeout | undefined;
    const startTimer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!killTimer && out.includes('ready\n')) killTimer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.resume();
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(startTimer);
      clearTimeout(killTimer);
      if (!out.includes('ready\n')) return reject(new Error(`The crash child of cycle ${cycle} never opened the data folder.`));
      const lines = out.trim().split('\n');
      resolve(lines[lines.length - 1] ?? 'ready');
    });
  });
}

const stepOf = (line: string) => (line.startsWith('imported') ? 'between steps' : (line.split(' ')[0] ?? 'ready').replace('recert', 'recert remind'));

/**
 * `cycles` times: a child works on one data folder and is SIGKILLed at a random moment; then the
 * folder is opened as the app opens it (startup sweep with no grace period) and checked.
 */
export async function runCrashCycles(cycles: number, log: (line: string) => void = () => {}): Promise<CrashFigures> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-crash-'));
  const smtp = createTestSmtpServer();
  const port = await freePort();
  await smtp.listen(port);
  const figures: CrashFigures = { cycles: 0, failures: [], killedDuring: {}, importsCommitted: 0, importsRolledBack: 0, documents: 0, outbox: {}, orphansSwept: 0, partsSwept: 0, delivered: 0 };
  try {
    const setup = await createCore({ dataDir, operator: 'crash.setup' });
    await setup.handlers['agencies.create'](contract['agencies.create'].input.parse({ name: CRASH_AGENCY }));
    await configureSmtp(setup, port);
    await setup.close();

    for (let cycle = 1; cycle <= cycles; cycle += 1) {
      // Up to 6 s: the first attach starts the PDF reader pool, so shorter runs would rarely reach one.
      const killAfterMs = 200 + Math.floor(Math.random() * 6_000);
      const last = await runChild(dataDir, cycle, cycle * 7919, killAfterMs);
      figures.killedDuring[stepOf(last)] = (figures.killedDuring[stepOf(last)] ?? 0) + 1;
      const failed = (what: string) => figures.failures.push(`cycle ${cycle} (killed after ${killAfterMs} ms during "${last}"): ${what}`);

      const before = leftoversBeforeSweep(dataDir);
      figures.orphansSwept += before.orphans;
      figures.partsSwept += before.parts;
      const core = await createCore({ dataDir, operator: 'crash.check', documents: { sweepGraceMs: 0 }, backups: { automatic: false, checkAtStart: false } });
      try {
        const integrity = core.checkIntegrity();
        if (!integrity.ok) failed(`integrity/foreign keys: ${integrity.problems.join(' ')}`);
        const files = await core.checkFiles();
        if (!files.ok) failed(files.problems.join(' '));
        if (files.orphans || files.leftovers) failed(`the sweep left ${files.orphans} orphan files and ${files.leftovers} temp files`);
        const chain = await core.handlers['audit.verify']({});
        if (!chain.ok) failed(chain.message);
      } finally {
        await core.close();
      }
      const db = path.join(dataDir, 'hmis.sqlite');
      const batches = importedPerBatch(db);
      for (const [tag, n] of batches) if (n !== IMPORT_ROWS) failed(`import ${tag} is half there: ${n} of ${IMPORT_ROWS} people`);
      if (last.startsWith('import ') && !batches.has(last.slice(7))) figures.importsRolledBack += 1;
      const outbox = outboxByStatus(db);
      for (const status of Object.keys(outbox)) if (!KEPT_STATUSES.has(status)) failed(`${outbox[status]} outbox rows are ${status}`);
      figures.cycles = cycle;
      figures.importsCommitted = batches.size;
      figures.documents = documentCount(db);
      figures.outbox = outbox;
      log(`cycle ${cycle}/${cycles}: killed after ${killAfterMs} ms during "${last}"; ${batches.size} imports, ${figures.documents} documents, outbox ${JSON.stringify(outbox)}`);
    }
    figures.delivered = smtp.received.length;
    return figures;
  } finally {
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatCrashFigures(f: CrashFigures): string {
  return [
    `Crash suite: ${f.cycles} cycles, ${f.failures.length} failures.`,
    `  killed during: ${Object.entries(f.killedDuring).map(([step, n]) => `${step} ${n}`).join(', ')}`,
    `  imports: ${f.importsCommitted} committed whole (${IMPORT_ROWS} people each), ${f.importsRolledBack} killed mid-import and rolled back whole, none half there`,
    `  documents on file: ${f.documents}, every one present with its hash`,
    `  outbox: ${Object.entries(f.outbox).map(([status, n]) => `${status} ${n}`).join(', ') || 'empty'}; ${f.delivered} messages received by the SMTP server`,
    `  left by the kills and removed by the startup sweep: ${f.orphansSwept} orphan files, ${f.partsSwept} temp files`,
    ...f.failures.map((failure) => `  FAILED ${failure}`),
  ].join('\n');
}
