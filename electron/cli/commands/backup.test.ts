import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../core/create-core';
import { basics } from '../../core/test-support/temp-core';
import { runCli } from '../run-cli';

/** `hmis-desk backup`, `restore` and `backup status`, in-process, on a real data folder. */
let dataDir: string;
const env = { HMIS_PASS: 'a long office passphrase' };

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env };
  const code = await runCli(['--data-dir', dataDir, ...args], io);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-cli-backup-'));
  const core = await createCore({ dataDir, operator: 'cli.test' });
  const { agency, level } = await basics(core);
  await core.handlers['people.create']({ firstName: 'Amara', lastName: 'Nwosu', email: 'anwosu@rivercity.example.org', agencyId: agency.id, accessLevelId: level.id, requestType: 'new_user' });
  await core.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('hmis-desk backup and restore', () => {
  it('backs up with a passphrase from the environment, checks, and restores once the folder is free', async () => {
    const out = path.join(dataDir, 'office.hmisbak');
    const made = await run('backup', '--out', out, '--passphrase-env', 'HMIS_PASS', '--json');
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ file: out, people: 1, encrypted: true });

    expect(await run('restore', out, '--check-only')).toMatchObject({ code: 2, stderr: expect.stringContaining('This backup is encrypted: give its passphrase.') });
    expect(await run('restore', out, '--check-only', '--passphrase-env', 'NOT_SET')).toMatchObject({ code: 2, stderr: expect.stringContaining('the environment variable NOT_SET is not set') });
    expect(await run('restore', out, '--check-only', '--passphrase-env', 'HMIS_PASS')).toMatchObject({ code: 0, stdout: expect.stringContaining('is complete and sound: 1 person and 0 files, encrypted') });

    const app = new BetterSqlite3(path.join(dataDir, 'hmis.sqlite'));
    app.prepare('SELECT count(*) FROM people').get();
    const refused = await run('restore', out, '--passphrase-env', 'HMIS_PASS');
    app.close();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The data folder is open in HMIS Access Desk (or another program). Close it and run restore again');

    const restored = await run('restore', out, '--passphrase-env', 'HMIS_PASS');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^Restored the backup of .*: 1 person and 0 files, encrypted\. The data it replaced is kept in .*before-restore-/);
    const status = await run('backup', 'status');
    expect(status.stdout).toContain(`Folder: ${path.join(dataDir, 'backups')} (keeping 14; automatic daily backups on)`);
    expect(status.stdout).toContain(`→ ${out}`);
  });
});
