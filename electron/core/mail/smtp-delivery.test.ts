import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMPLATE_SAMPLES } from '../../../shared/domain/mail-templates';
import type { CoreContext } from '../context';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { addPerson, configureSmtp, FAST_SMTP, invoke, queueIn, sideContext } from './test-support/mail-test-kit';
import { createTestSmtpServer, freePort, type TestServerOptions, type TestSmtpServer } from './test-support/smtp-test-server';

const AUTH = { user: 'office', pass: 'correct horse battery staple' };

let t: TempCore;
let side: { ctx: CoreContext; close(): Promise<void> };
let server: TestSmtpServer | undefined;
beforeEach(async () => {
  t = await tempCore({ mail: { sender: { smtp: FAST_SMTP } } });
  side = sideContext(t);
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await side.close();
  await t.dispose();
});

async function startServer(options: TestServerOptions = {}, port?: number): Promise<number> {
  server = createTestSmtpServer(options);
  return server.listen(port);
}

const later = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms).toISOString());

function queueTo(to: string[]) {
  return queueIn(side.ctx, { template: 'test_message', to, data: { sentAt: 'now' } });
}

describe('delivery over SMTP', () => {
  it('logs in over STARTTLS and delivers the rendered message with its Message-ID and attachment', async () => {
    const port = await startServer({ auth: AUTH });
    await configureSmtp(t.core, port, { tls: 'starttls', user: AUTH.user, password: AUTH.pass, allowSelfSigned: true });
    const person = await addPerson(t.core, { firstName: '<Ana>' });
    const file = await t.core.files.write(new TextEncoder().encode('%PDF-1.7 rejected form'));
    const queued = await queueIn(side.ctx, {
      template: 'document_rejected',
      personId: person.id,
      data: TEMPLATE_SAMPLES.document_rejected,
      attachments: [{ sha256: file.sha256, fileName: 'verification.pdf', contentType: 'application/pdf' }],
    });

    expect(await invoke(t.core, 'mail.sendDue', {})).toEqual({ sent: 1, drafted: 0, failed: 0, retrying: 0, paused: false, problem: null });
    expect(server?.received).toHaveLength(1);
    const [received] = server?.received ?? [];
    expect(received).toMatchObject({ secure: true, user: AUTH.user, from: 'hmis@county.example.org', to: ['maria.obrien@rivercity.example.org'] });
    const parsed = await simpleParser(received?.raw ?? Buffer.alloc(0));
    expect(parsed.messageId).toBe(queued.messageId);
    expect(parsed.from?.value).toEqual([{ name: 'Sacramento County HMIS Office', address: 'hmis@county.example.org' }]);
    expect(parsed.replyTo?.text).toBe('hmis-help@county.example.org');
    expect(parsed.subject).toBe('Please resend your Staff Verification for HMIS Access');
    expect(parsed.text).toContain('Hello <Ana>,');
    expect(parsed.html).toContain('Hello &lt;Ana&gt;,');
    expect(parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['verification.pdf', '%PDF-1.7 rejected form']]);

    const mail = await invoke(t.core, 'mail.get', { id: queued.id });
    expect(mail).toMatchObject({ status: 'sent', attempts: 1, lastError: null, sentAt: t.clock.now().toISOString() });
    expect(mail.recipients).toEqual([{ address: 'maria.obrien@rivercity.example.org', status: 'sent', response: '250 2.0.0 Ok: queued as 1' }]);
  });

  it('keeps the message while the server is down, and delivers it once the server is up', async () => {
    const port = await freePort();
    await configureSmtp(t.core, port);
    const queued = await queueTo(['office@county.example.org']);
    expect(await invoke(t.core, 'mail.sendDue', {})).toMatchObject({ sent: 0, retrying: 1 });
    const waiting = await invoke(t.core, 'mail.get', { id: queued.id });
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: '2026-11-28T15:01:00.000Z' });
    expect(waiting.lastError).toMatch(/^Cannot reach the mail server at 127\.0\.0\.1:\d+: nothing answered there/);

    await startServer({}, port);
    expect(await invoke(t.core, 'mail.sendDue', {})).toMatchObject({ sent: 0, retrying: 0 }); // not due yet
    later(60_000);
    expect(await invoke(t.core, 'mail.sendDue', {})).toMatchObject({ sent: 1 });
    expect(server?.messageIds).toEqual([queued.messageId]);
  });

  it('retries a 451 with growing waits, then delivers', async () => {
    const port = await startServer({ failNext: { count: 2, code: 451 } });
    await configureSmtp(t.core, port);
    const queued = await queueTo(['office@county.example.org']);
    expect(await invoke(t.core, 'mail.sendDue', {})).toMatchObject({ retrying: 1 });
    const first = await invoke(t.core, 'mail.get', { id: queued.id });
    expect(first).toMatchObject({ status: 'queued', nextAttemptAt: '2026-11-28T15:01:00.000Z' });
    expect(first.lastError).toMatch(/asked to try again later.*451 4\.3\.0 Temporary local problem/);
    later(60_000);
    expect(await invoke(t.core, 'mail.sendDue', {})).toMatchObject({ retrying: 1 });
    expect((await invoke(t.core, 'mail.get', { id: queued.id })).nextAttemptAt).toBe('2026-11-28T15:06:00.000Z');
    later(5 * 60_000);
    expect(await invoke(t.core, 'mail.sendDue', {})).toMatchObject({ sent: 1 });
    expect(await invoke(t.core, 'mail.get', { id: queued.id })).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(server?.messageIds).toEqual([queued.messageId]);
  });

  it('marks only the refused recipient failed when the other accepts (550)', async () => {
    const port = await startServer({ refuse: { 'gone@rivercity.example.org': 550 } });
    await configureSmtp(t.core, port);
    const queued = await queueTo(['office@county.example.org', 'gone@rivercity.example.org']);
    expect(await invoke(t.core, 'mail.sendDue', {})).toMatchObject({ sent: 1, failed: 0 });
    const mail = await invoke(t.core, 'mail.get', { id: queued.id });
    expect(mail.status).toBe('sent');
    expect(mail.recipients).toEqual([
      { address: 'office@county.example.org', status: 'sent', response: '250 2.0.0 Ok: queued as 1' },
      { address: 'gone@rivercity.example.org', status: 'failed', response: '550 5.1.1 Mailbox does not exist' },
    ]);
    expect(mail.lastError).toBe('gone@rivercity.example.org was refused: the address may be misspelt or no longer exist. The server said: "550 5.1.1 Mailbox does not exist".');
    expect(server?.received.map((r) => r.to)).toEqual([['office@county.example.org']]);
    expect(await invoke(t.core, 'mail.status', {})).toMatchObject({ counts: { sent: 1 }, partlyFailed: 1 });
  });

  it('fails a message every recipient of which is refused for good', async () => {
    const port = await startServer({ refuse: { 'gone@rivercity.example.org': 550 } });
    await configureSmtp(t.core, port);
    const queued = await queueTo(['gone@rivercity.example.org']);
    expect(await invoke(t.core, 'mail.sendDue', {})).toMatchObject({ failed: 1 });
    const mail = await invoke(t.core, 'mail.get', { id: queued.id });
    expect(mail.lastError).toMatch(/refused every recipient \(gone@rivercity\.example\.org\)/);
    expect(mail.recipients).toEqual([{ address: 'gone@rivercity.example.org', status: 'failed', response: '550 5.1.1 Mailbox does not exist' }]);
  });

  it('fails with the explanation when the password is wrong, and retries after it is fixed', async () => {
    const port = await startServer({ auth: AUTH });
    await configureSmtp(t.core, port, { tls: 'starttls', user: AUTH.user, password: 'wrong' });
    const ids = [(await queueTo(['a@county.example.org'])).id, (await queueTo(['b@county.example.org'])).id];
    expect(await invoke(t.core, 'mail.sendDue', {})).toMatchObject({ sent: 0, failed: 2 });
    for (const id of ids) {
      const mail = await invoke(t.core, 'mail.get', { id });
      expect(mail.status).toBe('failed');
      expect(mail.lastError).toMatch(/^The mail server refused the login for office: the user name or password is wrong.*535 5\.7\.8 Authentication credentials invalid/);
    }
    expect(await invoke(t.core, 'mail.status', {})).toMatchObject({ counts: { failed: 2 } });

    await invoke(t.core, 'mail.settings.save', { password: AUTH.pass });
    expect(await invoke(t.core, 'mail.retry', { allFailed: true })).toEqual({ changed: 2 });
    await invoke(t.core, 'mail.sendDue', {});
    expect(await invoke(t.core, 'mail.status', {})).toMatchObject({ counts: { failed: 0, sent: 2 } });
  });
});

describe('Send a test message', () => {
  it('says in plain words whether it worked and, if not, why', async () => {
    const port = await startServer({ auth: AUTH });
    const to = { to: 'me@county.example.org' };

    await configureSmtp(t.core, port, { tls: 'starttls', user: AUTH.user, password: AUTH.pass, allowSelfSigned: true });
    expect(await invoke(t.core, 'mail.test', to)).toMatchObject({ outcome: 'sent', message: 'The mail server accepted the test message for me@county.example.org. It said: "250 2.0.0 Ok: queued as 1".' });

    await invoke(t.core, 'mail.settings.save', { allowSelfSigned: false });
    expect((await invoke(t.core, 'mail.test', to)).message).toMatch(/showed a security certificate this computer does not trust/);

    await invoke(t.core, 'mail.settings.save', { allowSelfSigned: true, tls: 'tls' });
    expect((await invoke(t.core, 'mail.test', to)).message).toMatch(/the TLS setting does not match the server/);

    await invoke(t.core, 'mail.settings.save', { tls: 'starttls', password: 'wrong' });
    expect((await invoke(t.core, 'mail.test', to)).message).toMatch(/refused the login for office/);

    await invoke(t.core, 'mail.settings.save', { port: await freePort() });
    expect(await invoke(t.core, 'mail.test', to)).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/^Cannot reach the mail server/) });
    // A test message is never retried behind the office's back.
    expect(await invoke(t.core, 'mail.status', {})).toMatchObject({ counts: { queued: 0, sent: 1, failed: 4 } });
  });
});
