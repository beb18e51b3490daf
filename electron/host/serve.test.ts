import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-serve-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run serve (electron/host/serve.ts)', () => {
  it('prints HMIS_READY with a working URL, then stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/serve.ts', '--data-dir', dataDir, '--port', '0'], { cwd: ROOT });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const match = /^HMIS_READY (\S+)$/m.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      void exited.then(() => reject(new Error(`serve exited before it was ready:\n${stdout}`)));
    });
    expect(stdout).toContain(`HMIS Access Desk is running at ${url}`);
    expect(stdout).toContain(`Data folder: ${dataDir}`);
    const { origin, hash } = new URL(url);
    const response = await fetch(`${origin}/api/app.info`, { method: 'POST', headers: { Authorization: `Bearer ${hash.replace('#token=', '')}` }, body: '{}' });
    expect(await response.json()).toMatchObject({ ok: true, value: { dataDir } });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
