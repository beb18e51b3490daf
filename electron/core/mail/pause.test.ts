import { afterEach, describe, expect, it } from 'vitest';
import { SEALED_LOST } from './sealed-values';
import { configureSmtp, FAST_SMTP, invoke, queueIn, sideContext } from './test-support/mail-test-kit';
import type { MailSenderOptions } from './mail-sender';
import { createTestSmtpServer, type TestServerOptions, type TestSmtpServer } from './test-support/smtp-test-server';
import { call, perfectAnswers, quizOfKind, twoTrainees } from '../quizzes/test-support/training-kit';
import { tempCore, type TempCore } from '../test-support/temp-core';

// "Pause sending" must hold every path out of the app: the scheduled run, "send now" (credentials,
// the test message) and a run already under way. Checked against a real SMTP server.

let t: TempCore;
let server: TestSmtpServer;
afterEach(async () => {
  await server.close();
  await t.dispose();
});

async function start(sender: MailSenderOptions = {}, serverOptions: TestServerOptions = {}) {
  t = await tempCore({ mail: { sender: { smtp: FAST_SMTP, ...sender } } });
  server = createTestSmtpServer(serverOptions);
  await configureSmtp(t.core, await server.listen());
}

async function passedTrainee() {
  await call(t.core, 'training.settings.save', { loginUrl: 'https://hmis.county.example.org/login' });
  const { ngozi } = await twoTrainees(t.core);
  const quiz = await quizOfKind(t.core, 'new_user');
  t.clock.set('2026-12-01T16:00:00.000Z');
  await call(t.core, 'quizzes.grade', { personId: ngozi.id, quizId: quiz.id, takenOn: '2026-11-30', answers: perfectAnswers(quiz) });
  return ngozi;
}

describe('pausing mail', () => {
  it('keeps a credentials email from going out, says so, and never sends it later with the placeholder', async () => {
    await start();
    const ngozi = await passedTrainee();
    await invoke(t.core, 'mail.pause', {});
    const issued = await call(t.core, 'credentials.issue', { personId: ngozi.id, username: 'nokafor' });
    expect(server.received).toHaveLength(0);
    expect(issued.temporaryPassword).toBeTruthy(); // shown once, so staff can hand it over themselves
    expect(issued.mail).toMatchObject({ status: 'queued', delivered: false });
    expect(issued.mail?.problem).toMatch(/^Sending is paused, so the credentials email was not sent\./);
    expect(await invoke(t.core, 'mail.get', { id: issued.mail?.id ?? 0 })).toMatchObject({ status: 'queued', attempts: 0 });

    // On resume the message fails in words: its password lived only as long as the issue call.
    await invoke(t.core, 'mail.resume', {});
    await invoke(t.core, 'mail.sendDue', {});
    expect(await invoke(t.core, 'mail.get', { id: issued.mail?.id ?? 0 })).toMatchObject({ status: 'failed', lastError: SEALED_LOST });
    expect(server.received).toHaveLength(0);
  });

  it('refuses the test message in words while paused, and queues nothing', async () => {
    await start();
    await invoke(t.core, 'mail.pause', {});
    await expect(invoke(t.core, 'mail.test', { to: 'me@county.example.org' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'Sending is paused, so no test message was sent. Resume sending on the Outbox page first.',
    });
    expect((await invoke(t.core, 'mail.status', {})).counts.queued).toBe(0);
    await invoke(t.core, 'mail.resume', {});
    expect(await invoke(t.core, 'mail.test', { to: 'me@county.example.org' })).toMatchObject({ outcome: 'sent' });
    expect(server.received).toHaveLength(1);
  });

  it('holds "send now" even when the pause lands after the caller looked (the claim checks it)', async () => {
    await start();
    const side = sideContext(t);
    try {
      const queued = await queueIn(side.ctx, { template: 'test_message', to: ['office@county.example.org'], data: { sentAt: 'now' } });
      await invoke(t.core, 'mail.pause', {});
      expect(await t.core.mail.sender.sendNow(queued.id)).toEqual({ outcome: undefined, paused: true });
      expect(server.received).toHaveLength(0);
      expect(await invoke(t.core, 'mail.get', { id: queued.id })).toMatchObject({ status: 'queued', attempts: 0 });
      // `mail send-due --force` is the one deliberate way past the pause.
      expect(await invoke(t.core, 'mail.sendDue', { force: true })).toMatchObject({ sent: 1 });
      expect(server.received).toHaveLength(1);
    } finally {
      await side.close();
    }
  });

  it('stops a run under way from claiming more once paused', async () => {
    let paused: Promise<unknown> | null = null;
    const onAccepted = (count: number) => {
      if (count === 2) paused ??= invoke(t.core, 'mail.pause', {});
    };
    await start({ batchSize: 1, concurrency: 1 }, { onAccepted });
    const side = sideContext(t);
    try {
      for (let i = 0; i < 20; i += 1) await queueIn(side.ctx, { template: 'test_message', to: [`user${i}@rivercity.example.org`], data: { sentAt: `n${i}` } });
      const run = await invoke(t.core, 'mail.sendDue', {});
      await paused;
      // The message in hand as the pause landed may still go; the queue behind it does not.
      expect(run.sent).toBeLessThanOrEqual(4);
      expect(server.received.length).toBe(run.sent);
      expect((await invoke(t.core, 'mail.status', {})).counts).toMatchObject({ sending: 0, queued: 20 - run.sent });
    } finally {
      await side.close();
    }
  });
});
