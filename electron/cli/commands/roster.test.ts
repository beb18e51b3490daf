import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';

/** `hmis-desk roster check`, in-process on a fresh data folder. */
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-cli-roster-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} };
  const code = await runCli(['--data-dir', dataDir, ...args], io);
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as { counts: Record<string, number>; lines: { kind: string; rosterRow: { row: number; userName: string } | null; detail: string }[] } };
}

function file(name: string, text: string): string {
  const target = path.join(dataDir, name);
  writeFileSync(target, text);
  return target;
}

describe('hmis-desk roster check', () => {
  it('prints { counts, lines } and exits 1 when an account should be deactivated', async () => {
    const users = file('users.csv', 'Username,Email,Status\r\nghost.user,ghost@former.example.org,Active\r\nold.user,old@former.example.org,Inactive\r\n');
    const result = await run('roster', 'check', users, '--json');
    expect(result.code).toBe(1);
    const json = result.json();
    expect(Object.keys(json)).toEqual(['counts', 'lines']);
    expect(json.counts).toEqual({ to_deactivate: 1, no_account: 0, mismatch: 0, probable_match: 0, inactive_in_hmis: 0, duplicate: 0, incomplete_row: 0 });
    expect(json.lines).toEqual([
      {
        kind: 'to_deactivate',
        rosterRow: { row: 2, userName: 'ghost.user', name: '', email: 'ghost@former.example.org', agency: '', accessLevel: '', status: 'Active', lastLogin: '', active: true },
        personId: null,
        personName: null,
        detail: 'Account ghost.user is active, but no one on the master list has this user name or the email ghost@former.example.org. Deactivate it in the HMIS.',
      },
    ]);
  });

  it('exits 0 with no findings, and says so', async () => {
    const users = file('users.csv', 'Username,Email,Status\r\nold.user,old@former.example.org,Inactive\r\n');
    const result = await run('roster', 'check', users);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 account checked against 0 certified people: nothing to fix.');
  });

  it('refuses a file without a user name or email column with exit code 2', async () => {
    const wrong = await run('roster', 'check', file('wrong.csv', 'Surname,Organization\r\nOkafor,Delta\r\n'), '--json');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('wrong.csv has no user name or email column (found: "Surname", "Organization").');
  });
});
