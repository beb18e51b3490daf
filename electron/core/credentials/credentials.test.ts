import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { SEALED_LOST } from '../mail/sealed-values';
import { configureSmtp, FAST_SMTP } from '../mail/test-support/mail-test-kit';
import { createTestSmtpServer, freePort, type TestSmtpServer } from '../mail/test-support/smtp-test-server';
import { call, perfectAnswers, quizOfKind, twoTrainees } from '../quizzes/test-support/training-kit';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { temporaryPassword } from './temporary-password';

let t: TempCore | null = null;
let closed = false;
let server: TestSmtpServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  if (t && closed) rmSync(t.dataDir, { recursive: true, force: true });
  else await t?.dispose();
  t = null;
  closed = false;
});

async function start(options: Parameters<typeof tempCore>[0] = {}): Promise<TempCore> {
  t = await tempCore(options);
  return t;
}

/** The SQLite file and its WAL and shared-memory files, as bytes on disk. */
function databaseBytes(dataDir: string): Buffer {
  const files = ['hmis.sqlite', 'hmis.sqlite-wal', 'hmis.sqlite-shm'].map((f) => path.join(dataDir, f)).filter((f) => existsSync(f));
  return Buffer.concat(files.map((f) => readFileSync(f)));
}

async function passedTrainee(t: TempCore) {
  const { ngozi } = await twoTrainees(t.core);
  const quiz = await quizOfKind(t.core, 'new_user');
  t.clock.set('2026-12-01T16:00:00.000Z');
  await call(t.core, 'quizzes.grade', { personId: ngozi.id, quizId: quiz.id, takenOn: '2026-11-30', answers: perfectAnswers(quiz) });
  return ngozi;
}

async function withLoginAddress(t: TempCore) {
  await call(t.core, 'training.settings.save', { loginUrl: 'https://hmis.county.example.org/login' });
  return passedTrainee(t);
}

describe('temporary passwords', () => {
  it('are readable, mixed and different every time', () => {
    const many = Array.from({ length: 200 }, temporaryPassword);
    for (const p of many) expect(p).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*[2-9])[A-HJ-NP-Za-km-np-z2-9]{4}(-[A-HJ-NP-Za-km-np-z2-9]{4}){2}$/);
    expect(new Set(many).size).toBe(many.length);
  });
});

describe('issue credentials', () => {
  it('puts the password in the email (a draft without SMTP) and nowhere in the database', async () => {
    const t = await start();
    const ngozi = await passedTrainee(t);
    await call(t.core, 'training.settings.save', { loginUrl: 'https://hmis.county.example.org/login' });
    const issued = await call(t.core, 'credentials.issue', { personId: ngozi.id, username: 'nokafor' });
    const password = issued.temporaryPassword ?? '';
    expect(password).toMatch(/^\S{14}$/);
    expect(issued.credential).toMatchObject({ username: 'nokafor', certifiedOn: '2026-11-30', newPassword: true });
    expect(issued.mail).toMatchObject({ status: 'drafted', delivered: true, problem: null });

    const row = await call(t.core, 'mail.get', { id: issued.mail?.id ?? 0 });
    const email = await simpleParser(readFileSync(row.draftPath ?? ''));
    expect(email.text).toContain(`Temporary password: ${password}`);
    expect(email.text).toContain('Log in at: https://hmis.county.example.org/login');
    expect(row.text).toContain('Temporary password: ⟪temporary password, added only as the message is sent⟫');

    expect(databaseBytes(t.dataDir).includes(password)).toBe(false);
    await t.core.close();
    closed = true;
    expect(databaseBytes(t.dataDir).includes(password)).toBe(false);
  });

  it('sends it over SMTP at once, password in the text and the HTML', async () => {
    const t = await start({ mail: { sender: { smtp: FAST_SMTP } } });
    server = createTestSmtpServer();
    const port = await server.listen();
    await configureSmtp(t.core, port);
    const ngozi = await withLoginAddress(t);
    const issued = await call(t.core, 'credentials.issue', { personId: ngozi.id, username: 'nokafor' });
    expect(issued.mail).toMatchObject({ status: 'sent', delivered: true });
    const received = await simpleParser(server.received[0]?.raw ?? Buffer.from(''));
    expect(received.text).toContain(`Temporary password: ${issued.temporaryPassword}`);
    expect(received.html).toContain(`<strong>${issued.temporaryPassword}</strong>`);
    expect(databaseBytes(t.dataDir).includes(issued.temporaryPassword ?? '')).toBe(false);
  });

  it('says why when the server cannot be reached, and a later retry never sends the placeholder', async () => {
    const t = await start({ mail: { sender: { smtp: FAST_SMTP } } });
    const port = await freePort();
    await configureSmtp(t.core, port);
    const ngozi = await withLoginAddress(t);
    const issued = await call(t.core, 'credentials.issue', { personId: ngozi.id, username: 'nokafor' });
    expect(issued.mail).toMatchObject({ status: 'failed', delivered: false });
    expect(issued.mail?.problem).toMatch(/Cannot reach the mail server/);
    expect(issued.temporaryPassword).toBeTruthy();

    server = createTestSmtpServer();
    await server.listen(port);
    await call(t.core, 'mail.retry', { ids: [issued.mail?.id ?? 0] });
    await call(t.core, 'mail.sendDue', { force: true });
    expect(await call(t.core, 'mail.get', { id: issued.mail?.id ?? 0 })).toMatchObject({ status: 'failed', lastError: SEALED_LOST });
    expect(server.received).toHaveLength(0);
  });

  it('refuses a new password while the HMIS login address is empty, pointing to Settings → Office', async () => {
    const t = await start();
    const ngozi = await passedTrainee(t);
    await expect(call(t.core, 'credentials.issue', { personId: ngozi.id, username: 'nokafor' })).rejects.toMatchObject({
      code: 'invalid',
      message: 'Enter the HMIS login address in Settings → Office first: the credentials email tells the person where to log in.',
    });
    expect((await call(t.core, 'mail.list', {})).total).toBe(0);
    expect(await call(t.core, 'credentials.list', { personId: ngozi.id })).toEqual([]);
  });

  it('refuses without a passing attempt, and records an upgrade without a new password or email', async () => {
    const t = await start();
    const { tomas } = await twoTrainees(t.core);
    await expect(call(t.core, 'credentials.issue', { personId: tomas.id, username: 'therrera' })).rejects.toThrow('Tomás Herrera has no passing quiz attempt yet');
    const quiz = await quizOfKind(t.core, 'new_user');
    await call(t.core, 'quizzes.grade', { personId: tomas.id, quizId: quiz.id, answers: perfectAnswers(quiz) });
    const issued = await call(t.core, 'credentials.issue', { personId: tomas.id, username: 'therrera', newPassword: false });
    expect([issued.temporaryPassword, issued.mail, issued.credential.newPassword]).toEqual([null, null, false]);
    expect((await call(t.core, 'mail.list', {})).total).toBe(0);
  });
});
