import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppErrorShape, Envelope } from '../../shared/app-error';
import { decodeWire, encodeWire } from '../../shared/contract/wire';
import { runCli } from './run-cli';

/**
 * The CLI is one more transport of the same contract: a command line with a wrong value gets the
 * very error the HTTP host (`npm run serve`, a process of its own) answers for the same input.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-cli-contract-'));
let serve: ChildProcess;
let host: { origin: string; token: string };

/** Resolves with the URL `serve.ts` prints on its HMIS_READY line. */
function startServe(): Promise<{ origin: string; token: string }> {
  serve = spawn(process.execPath, ['--import', 'tsx', 'electron/host/serve.ts', '--data-dir', path.join(dataDir, 'served'), '--port', '0'], { cwd: ROOT, env: { ...process.env, HMIS_PORT: '' } });
  return new Promise((resolve, reject) => {
    let out = '';
    serve.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /HMIS_READY (\S+)/.exec(out)?.[1];
      if (url) resolve({ origin: new URL(url).origin, token: new URL(url).hash.replace('#token=', '') });
    });
    serve.on('exit', (code) => reject(new Error(`npm run serve stopped before it was ready (exit code ${code}).`)));
  });
}

beforeAll(async () => {
  host = await startServe();
}, 60_000);
afterAll(async () => {
  if (serve.exitCode === null) await new Promise((resolve) => serve.once('exit', resolve).kill('SIGTERM'));
  rmSync(dataDir, { recursive: true, force: true });
});

async function overHttp(name: string, input: unknown): Promise<AppErrorShape> {
  const response = await fetch(`${host.origin}/api/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: encodeWire(input),
  });
  const envelope = decodeWire(await response.text()) as Envelope<unknown>;
  if (envelope.ok) throw new Error(`${name} was expected to fail over HTTP`);
  return envelope.error;
}

async function onCommandLine(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} };
  const code = await runCli(['--data-dir', dataDir, ...args, '--json'], io);
  return { code, error: (JSON.parse(stdout) as { error: AppErrorShape }).error, firstLine: stderr.split('\n')[0] };
}

const asPrinted = (error: AppErrorShape) => ({ code: error.code, message: error.message, fields: error.fields ?? [] });

describe('hmis-desk errors are the contract’s errors', () => {
  it.each([
    { what: 'agencies add, a half email', args: ['agencies', 'add', '--name', 'River City Outreach', '--contact-email', 'maria@'], call: 'agencies.create', input: { name: 'River City Outreach', contactEmail: 'maria@' } },
    { what: 'agencies add, a blank name', args: ['agencies', 'add', '--name', '   '], call: 'agencies.create', input: { name: '   ' } },
    { what: 'mail test, not an address', args: ['mail', 'test', '--to', 'not an address'], call: 'mail.test', input: { to: 'not an address' } },
    { what: 'demo seed, no people', args: ['demo', 'seed', '--people', '0'], call: 'demo.seed', input: { people: 0 } },
  ])('$what: exit code 2 and the HTTP host’s error', async ({ args, call, input }) => {
    const http = await overHttp(call, input);
    expect(http.code).toBe('invalid');
    const cli = await onCommandLine(...args);
    expect(cli.code).toBe(2);
    expect(cli.error).toEqual(asPrinted(http));
    expect(cli.firstLine).toBe(http.message);
  });

  it('answers a quiz that is not there like the host does, with exit code 1', async () => {
    const http = await overHttp('quizzes.export', { id: 99 });
    expect(http.code).toBe('not_found');
    const cli = await onCommandLine('quizzes', 'export', '99', '--out', path.join(dataDir, 'quiz.json'));
    expect(cli.code).toBe(1);
    expect(cli.error).toEqual(asPrinted(http));
  });
});
