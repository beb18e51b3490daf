import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeWire, encodeWire } from '../../../shared/contract/wire';
import type { Envelope } from '../../../shared/app-error';
import { createEventHub } from '../../core/events/event-hub';
import { startCoreWorker, type CoreWorker } from '../../core/worker/start-core-worker';
import { startHost, type Host } from '../start-host';
import { closeRowCounts, judge, rowCounts, storedFileCount, type Answer, type Tally } from './hostile-kit';

/**
 * The app as `npm run serve` runs it (the core in a worker thread behind the HTTP host), on a temp
 * folder with a few rows, for hostile inputs to be thrown at. Outputs are checked against the
 * contract, so a handler answering off-contract shows up as an `internal` crash too.
 */
export interface HostileApp {
  host: Host;
  dataDir: string;
  /** POSTs one call over HTTP, as the browser app does. */
  post(name: string, input: unknown): Promise<Answer>;
  /** post() and judge(): the counts are taken before the call and compared after a refusal. */
  tryCall(tally: Tally, what: string, name: string, input: unknown): Promise<Answer>;
  close(): Promise<void>;
}

export async function startHostileApp(): Promise<HostileApp> {
  const root = mkdtempSync(path.join(tmpdir(), 'hmis-hostile-'));
  const dataDir = path.join(root, 'data');
  const staticDir = path.join(root, 'web');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>HMIS Access Desk</title>');
  const hub = createEventHub();
  let core: CoreWorker | null = null;
  try {
    core = startCoreWorker({ dataDir, emit: hub.emit, fixedNow: '2026-11-28T15:00:00.000Z', operator: 'hostile.suite', checkOutputs: true, transferInputs: true });
    await core.ready;
  } catch (error) {
    await core?.close();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const worker = core;
  // The suite's client shares this thread with the host and blocks it while it builds a 30 MB
  // body; a kept-alive socket can then pass the host's 5 s idle limit just as the client reuses it
  // (ECONNRESET, which a browser in its own process retries). A longer idle limit here keeps that
  // race out of the counts; the host's own limits are tested in host-hardening.test.ts.
  const host = await startHost({ dispatch: worker.dispatch, hub, staticDir, limits: { keepAliveTimeoutMs: 60_000 } });

  async function post(name: string, input: unknown): Promise<Answer> {
    try {
      const response = await fetch(`${host.origin}/api/${name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
        body: input === undefined ? '' : encodeWire(input),
      });
      const text = await response.text();
      try {
        return { status: response.status, envelope: decodeWire(text) as Envelope<unknown> };
      } catch {
        return { status: response.status, envelope: null, failure: `HTTP ${response.status}, not an envelope: ${text.slice(0, 200)}` };
      }
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
      return { status: 0, envelope: null, failure: `the request failed: ${error instanceof Error ? error.message : String(error)}${cause}` };
    }
  }

  const app: HostileApp = {
    host,
    dataDir,
    post,
    async tryCall(tally, what, name, input) {
      const before = { rows: rowCounts(dataDir), files: storedFileCount(dataDir) };
      const answer = await post(name, input);
      judge(tally, what, answer, before, dataDir);
      return answer;
    },
    async close() {
      closeRowCounts(dataDir);
      await host.close();
      await worker.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
  // A few rows for ids 1–3 to hit: agencies, people and what hangs off them.
  const seeded = await post('demo.seed', { people: 12 });
  if (!seeded.envelope?.ok) throw new Error(`The hostile suite could not seed its data: ${JSON.stringify(seeded)}`);
  // Intake writes its shipped access-level synonyms once per data folder, on first use, whatever
  // the file; done here so a refusal's row counts show only what the hostile input caused.
  await post('intake.synonyms.list', {});
  return app;
}
