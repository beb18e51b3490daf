import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';

/** `hmis-desk recert policy` and `recert policy set`, in-process on a fresh data folder. */
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-cli-recert-policy-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} };
  const code = await runCli(['--data-dir', dataDir, ...args], io);
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as { policy: Record<string, unknown>; updatedAt: string | null; error?: { code: string; message: string } } };
}

describe('hmis-desk recert policy', () => {
  it('prints the default policy, in words and as JSON', async () => {
    const words = await run('recert', 'policy');
    expect(words.code).toBe(0);
    expect(words.stdout).toContain("12 months after each person's last certification");
    expect(words.stdout).toContain('60, 30, 14, 7, 0 days before the due date');
    expect(words.stdout).toContain('Never saved: these are the defaults.');
    const json = (await run('recert', 'policy', '--json')).json();
    expect(json).toEqual({ policy: { cycle: { kind: 'anniversary', months: 12 }, reminderDaysBefore: [60, 30, 14, 7, 0], overdueDaysAfter: [7, 14], graceDays: 30, dueWithinDays: 30, copySupervisorOnOverdue: true, resignAgreement: false }, updatedAt: null });
  });

  it('saves only the flags given, and the next read shows them', async () => {
    const saved = await run('recert', 'policy', 'set', '--cycle', 'fixed', '--deadline', '06-30', '--overdue', '5', '--copy-supervisor', 'no', '--json');
    expect(saved.code).toBe(0);
    expect(saved.json().policy).toMatchObject({ cycle: { kind: 'fixed_deadline', month: 6, day: 30 }, reminderDaysBefore: [60, 30, 14, 7, 0], overdueDaysAfter: [5], graceDays: 30, copySupervisorOnOverdue: false });
    const read = await run('recert', 'policy');
    expect(read.stdout).toContain('one deadline for everyone, June 30');
    expect(read.stdout).toContain('Copy supervisor:  no');
    await run('recert', 'policy', 'set', '--months', '24', '--reminders', 'none');
    expect((await run('recert', 'policy', '--json')).json().policy).toMatchObject({ cycle: { kind: 'anniversary', months: 24 }, reminderDaysBefore: [] });
  });

  it('refuses a bad value with a sentence naming the flag, and saves nothing', async () => {
    const bad = await run('recert', 'policy', 'set', '--copy-supervisor', 'maybe', '--json');
    expect(bad.code).not.toBe(0);
    expect(bad.json().error).toMatchObject({ code: 'invalid', message: '--copy-supervisor: Write yes or no (you typed "maybe").' });
    const negative = await run('recert', 'policy', 'set', '--overdue', '0');
    expect(negative.code).not.toBe(0);
    expect(negative.stderr).toContain('An overdue notice comes at least one day after the due date.');
    expect((await run('recert', 'policy', '--json')).json().updatedAt).toBeNull();
  });
});
