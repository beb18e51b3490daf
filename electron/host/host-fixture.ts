import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../core/create-core';
import { fixedClock } from '../core/clock';
import { createEventHub, type EventHub } from '../core/events/event-hub';
import { inProcessDispatch } from '../core/worker/in-process';
import { startHost, type Host, type HostOptions } from './start-host';

export const INDEX_HTML = '<!doctype html><title>HMIS Access Desk</title><div id="root"></div>';

export interface HostFixture {
  host: Host;
  core: Core;
  root: string;
  /** How many SSE listeners are subscribed right now (to prove a closed tab unsubscribes). */
  subscribers(): number;
  close(): Promise<void>;
}

/**
 * A real core on a temp folder, a built-renderer stand-in, and the host on a free port. The core
 * runs in-process here (tests reach into it); `npm run serve`, which e2e starts, runs it in a worker.
 */
export async function startHostFixture(options: Partial<HostOptions> & { withIndex?: boolean } = {}): Promise<HostFixture> {
  const root = mkdtempSync(path.join(tmpdir(), 'hmis-host-'));
  const staticDir = path.join(root, 'web');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  if (options.withIndex !== false) writeFileSync(path.join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(path.join(root, 'secret.txt'), 'outside the build');
  const hub = createEventHub();
  let count = 0;
  const countingHub: Pick<EventHub, 'subscribe'> = {
    subscribe(listener) {
      count += 1;
      const unsubscribe = hub.subscribe(listener);
      return () => {
        count -= 1;
        return unsubscribe();
      };
    },
  };
  const core = await createCore({ dataDir: path.join(root, 'data'), clock: fixedClock('2026-03-02T15:00:00Z'), emit: hub.emit, operator: 'tester' });
  const host = await startHost({ dispatch: inProcessDispatch(core), hub: countingHub, staticDir, ...options });
  return {
    host,
    core,
    root,
    subscribers: () => count,
    async close() {
      await host.close();
      await core.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch: tests need to send a foreign Host and unnormalized paths. */
export function rawRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}
