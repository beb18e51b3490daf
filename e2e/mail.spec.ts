import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { choose, expect, openApp, test } from './fixtures';

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
async function startSmtp() {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'));
        done();
      });
    },
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port)));
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test('without a mail server, a test message becomes an Outlook-ready draft', async ({ page, app }) => {
  await app.core.handlers['app.dismissWelcome']({});
  await openApp(page, app);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText(/No mail server: messages are saved as drafts/)).toBeVisible();
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('hmis.lead@county.example.org');
  await page.getByRole('button', { name: 'Send test message' }).click();
  await expect(page.getByRole('status').filter({ hasText: /draft/i })).toBeVisible();

  const drafts = path.join(app.dataDir, 'drafts');
  const [file] = readdirSync(drafts).filter((name) => name.endsWith('.eml'));
  expect(file).toBeDefined();
  const draft = await simpleParser(readFileSync(path.join(drafts, file!)));
  expect(draft.headers.get('x-unsent')).toBe('1');
  expect(draft.to && 'text' in draft.to ? draft.to.text : '').toContain('hmis.lead@county.example.org');

  await page.getByRole('link', { name: 'Outbox' }).click();
  await expect(page.getByText('Saved as draft (1)')).toBeVisible();
  // In a browser the one click downloads the draft (the desktop app opens it in Outlook instead).
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download draft' }).click();
  const saved = await (await download).path();
  expect(readFileSync(saved, 'utf8')).toContain('X-Unsent: 1');
});

test('with a mail server set on the Settings page, a test message is delivered', async ({ page, app }) => {
  const smtp = await startSmtp();
  try {
    await app.core.handlers['app.dismissWelcome']({});
    await openApp(page, app);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('textbox', { name: 'Server name' }).fill('127.0.0.1');
    await page.getByRole('textbox', { name: 'Port' }).fill(String(smtp.port));
    await choose(page, 'Encryption', 'None (trusted office relay only)');
    await page.getByRole('textbox', { name: 'From address' }).fill('hmis@county.example.org');
    await page.getByRole('button', { name: 'Save mail settings' }).click();
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('hmis.lead@county.example.org');
    await page.getByRole('button', { name: 'Send test message' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The mail server accepted the test message for hmis.lead@county.example.org' })).toBeVisible();
    expect(smtp.received).toHaveLength(1);
    const message = await simpleParser(smtp.received[0]!);
    expect(message.from?.text).toContain('hmis@county.example.org');
  } finally {
    await smtp.close();
  }
});
