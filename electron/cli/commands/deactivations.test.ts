import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';

/** `hmis-desk recert deactivations | deactivate | reactivate`, in-process on a fresh data folder. */
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-cli-deact-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} };
  const code = await runCli(['--data-dir', dataDir, ...args], io);
  return { code, stdout, stderr };
}

describe('hmis-desk recert deactivations', () => {
  it('lists a requested deactivation, records it with who closed the account, refuses a future date, and reactivates', async () => {
    expect((await run('agencies', 'add', '--name', 'Delta Recovery Services')).code).toBe(0);
    const levels = JSON.parse((await run('levels', 'list', '--json')).stdout) as { name: string }[];
    const added = await run('people', 'add', '--first', 'Ngozi', '--last', 'Okafor', '--email', 'ngozi.okafor@delta.example.org', '--agency', 'Delta Recovery Services', '--level', levels[0]?.name ?? '', '--request-type', 'deactivation', '--supervisor-email', 'ada.boss@delta.example.org', '--json');
    expect(added.code, added.stderr).toBe(0);
    const id = String((JSON.parse(added.stdout) as { id: number }).id);

    const tasks = JSON.parse((await run('recert', 'deactivations', '--json')).stdout) as { total: number; items: { personId: number; reason: string }[] };
    expect(tasks).toMatchObject({ total: 1, items: [{ personId: Number(id), reason: 'requested' }] });

    const future = await run('recert', 'deactivate', '--person', id, '--on', '2999-01-01');
    expect(future.code).not.toBe(0);
    expect(future.stderr).toContain('The deactivation date cannot be in the future.');

    const done = await run('recert', 'deactivate', '--person', id, '--by', 'Sam Lee');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('Ngozi Okafor is deactivated as of');
    expect(done.stdout).toContain('The notice to ada.boss@delta.example.org is in the outbox.');
    expect(JSON.parse((await run('recert', 'deactivations', '--json')).stdout)).toEqual({ total: 0, items: [] });

    const back = await run('recert', 'reactivate', '--person', id, '--json');
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ stage: 'documents_accepted', requestType: 'new_user' });
  });
});
