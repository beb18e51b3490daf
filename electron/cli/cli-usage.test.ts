import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defineCommand } from './command';
import { COMMANDS } from './registry';
import { runCli } from './run-cli';

/** Help and usage mistakes, run in-process (no child process needed to check what is printed). */
const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-cli-usage-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function run(args: string[], commands = COMMANDS) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--data-dir', dataDir, ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
  }, commands);
  return { code, stdout, stderr };
}

describe('hmis-desk help and usage', () => {
  it('lists every command when run without one', async () => {
    const { code, stdout } = await run([]);
    expect(code).toBe(0);
    for (const command of ['people add', 'people list', 'agencies add', 'demo seed', 'check']) expect(stdout).toContain(command);
  });

  it('shows a command’s options and an example with --help, as JSON too', async () => {
    const { code, stdout } = await run(['people', 'add', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: npm run cli -- people add --first NAME --last NAME --email EMAIL --agency AGENCY --level LEVEL [options]');
    expect(stdout).toContain('--supervisor-email EMAIL');
    const json = await run(['people', 'list', '--help', '--json']);
    expect(JSON.parse(json.stdout).help).toContain('--search TEXT');
  });

  it('answers an unknown command or flag with exit code 2 and where to look', async () => {
    const unknown = await run(['people', 'remove', '--json']);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout).error).toMatchObject({ code: 'invalid', message: expect.stringContaining('There is no command "people remove"') });
    const flag = await run(['people', 'list', '--colour', 'red']);
    expect(flag).toMatchObject({ code: 2, stdout: '' });
    expect(flag.stderr).toContain('"people list" has no option --colour. See: npm run cli -- people list --help');
  });

  it('names every missing required flag at once', async () => {
    const { code, stderr } = await run(['people', 'add', '--first', 'Maria']);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('"people add" needs --last NAME, --email EMAIL, --agency AGENCY, --level LEVEL. See: npm run cli -- people add --help');
  });

  it('refuses a number that is not a whole number', async () => {
    const { code, stderr } = await run(['people', 'list', '--limit', 'ten']);
    expect(code).toBe(2);
    expect(stderr).toContain('--limit: Enter a whole number, like 250 (you typed "ten").');
  });

  it('exits 1 when a command reports problems, and hides internal details from stdout', async () => {
    const broken = defineCommand({
      path: ['broken'],
      summary: 'Fails inside.',
      options: {},
      run: async () => {
        throw new Error('disk on fire');
      },
    });
    const problems = defineCommand({ path: ['problems'], summary: 'Finds problems.', options: {}, run: async () => ({ json: { ok: false }, human: 'bad', exitCode: 1 }) });
    expect((await run(['problems'], [problems])).code).toBe(1);
    const failed = await run(['broken', '--json'], [broken]);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout).error.code).toBe('internal');
    expect(failed.stdout).not.toContain('disk on fire');
    expect(failed.stderr).toContain('disk on fire');
  });
});
