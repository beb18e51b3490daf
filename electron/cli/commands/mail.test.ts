import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSmtpServer, type TestSmtpServer } from '../../core/mail/test-support/smtp-test-server';
import { runCli } from '../run-cli';

/** `hmis-desk mail …` run in-process against a real SMTP server on 127.0.0.1. */
let dataDir: string;
let server: TestSmtpServer | undefined;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-cli-mail-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  delete process.env.HMIS_TEST_SMTP_PASSWORD;
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} };
  const code = await runCli(['--data-dir', dataDir, ...args], io);
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
}

describe('hmis-desk mail', () => {
  it('drafts without a server, then configures one from an environment variable and sends', async () => {
    const drafted = await run('mail', 'test', '--to', 'me@county.example.org', '--json');
    expect(drafted.code).toBe(0);
    expect(drafted.json()).toMatchObject({ outcome: 'drafted' });
    expect(readdirSync(path.join(dataDir, 'drafts'))).toHaveLength(1);

    server = createTestSmtpServer({ auth: { user: 'hmis', pass: 'from-the-environment' } });
    const port = await server.listen();
    process.env.HMIS_TEST_SMTP_PASSWORD = 'from-the-environment';
    const configured = await run('mail', 'configure', '--host', '127.0.0.1', '--port', String(port), '--tls', 'starttls', '--allow-self-signed', '--user', 'hmis', '--password-env', 'HMIS_TEST_SMTP_PASSWORD', '--from', 'hmis@county.example.org', '--json');
    expect(configured.code).toBe(0);
    expect(configured.json()).toMatchObject({ mode: 'smtp', passwordSet: true, secretBackend: 'key-file' });
    expect(configured.stdout).not.toContain('from-the-environment');

    const sent = await run('mail', 'test', '--to', 'me@county.example.org');
    expect(sent).toMatchObject({ code: 0, stdout: expect.stringMatching(/^The mail server accepted the test message for me@county\.example\.org/) });
    expect(server.received).toHaveLength(1);
    expect((await run('mail', 'send-due', '--json')).json()).toEqual({ sent: 0, drafted: 0, failed: 0, retrying: 0 });
    expect((await run('mail', 'status', '--json')).json()).toMatchObject({ counts: { sent: 1, drafted: 1 }, mode: 'smtp' });
  });

  it('refuses an empty password variable and a configure that says nothing', async () => {
    const empty = await run('mail', 'configure', '--password-env', 'HMIS_TEST_SMTP_PASSWORD');
    expect(empty).toMatchObject({ code: 2, stderr: expect.stringContaining('The environment variable HMIS_TEST_SMTP_PASSWORD is empty') });
    expect(await run('mail', 'configure')).toMatchObject({ code: 2, stderr: expect.stringContaining('Say what to set') });
    expect(await run('mail', 'configure', '--host', 'smtp.county.example.org', '--tls', 'ssl', '--from', 'hmis@county.example.org')).toMatchObject({ code: 2 });
  });

  it('sets the drafts folder', async () => {
    const folder = path.join(dataDir, 'Outlook drafts');
    const result = await run('mail', 'configure', '--drafts', folder);
    expect(result).toMatchObject({ code: 0, stdout: `No mail server: messages are saved as drafts in ${folder}.\n` });
  });
});
