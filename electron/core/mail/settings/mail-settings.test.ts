import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock';
import { createCore, type Core } from '../../create-core';
import { createSafeStorageSecretStore, type SafeStorageLike } from '../../secrets/safe-storage-secret-store';
import { configureSmtp, invoke } from '../test-support/mail-test-kit';
import { freePort } from '../test-support/smtp-test-server';

const PASSWORD = 'Tr0ub4dor&3-never-in-the-db';

let dataDir: string;
const open: Core[] = [];
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-mail-settings-'));
});
afterEach(async () => {
  for (const core of open.splice(0)) await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function core(options: Partial<Parameters<typeof createCore>[0]> = {}): Promise<Core> {
  const c = await createCore({ dataDir, clock: fixedClock('2026-11-28T15:00:00.000Z'), operator: 'test.operator', ...options });
  open.push(c);
  return c;
}

async function close(c: Core): Promise<void> {
  open.splice(open.indexOf(c), 1);
  await c.close();
}

/** What the desktop app's safeStorage does, for a core that runs without Electron. */
const safeStorage = (backend = 'gnome_libsecret'): SafeStorageLike => ({
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(plain, 'utf8').reverse(),
  decryptString: (cipher) => Buffer.from(cipher).reverse().toString('utf8'),
  getSelectedStorageBackend: () => backend,
});

describe('mail settings', () => {
  it('start in drafts mode with nothing stored', async () => {
    const c = await core();
    expect(await invoke(c, 'mail.settings.get', {})).toMatchObject({ mode: 'drafts', host: null, passwordSet: false, passwordProblem: null, secretBackend: 'key-file', draftsDir: path.join(dataDir, 'drafts'), draftsDirIsDefault: true });
  });

  it('never return the password, and never store it in plain text (not in any byte of the database files)', async () => {
    const c = await core();
    const saved = await configureSmtp(c, 2525, { tls: 'starttls', user: 'office', password: PASSWORD });
    expect(saved).toMatchObject({ mode: 'smtp', host: '127.0.0.1', port: 2525, tls: 'starttls', user: 'office', passwordSet: true, passwordProblem: null });
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);
    expect(JSON.stringify(await invoke(c, 'mail.settings.get', {}))).not.toContain(PASSWORD);
    await close(c);

    const files = ['hmis.sqlite', 'hmis.sqlite-wal', 'hmis.sqlite-shm'].map((f) => path.join(dataDir, f)).filter(existsSync);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(PASSWORD, 'utf8')), file).toBe(false);
      expect(bytes.includes(Buffer.from(PASSWORD, 'utf16le')), file).toBe(false);
    }
    const reopened = await core();
    expect((await invoke(reopened, 'mail.settings.get', {})).passwordSet).toBe(true);
  });

  it('change only what a save names, and refuse a server without a From address', async () => {
    const c = await core();
    await configureSmtp(c, 2525, { password: PASSWORD });
    expect(await invoke(c, 'mail.settings.save', { port: 587 })).toMatchObject({ port: 587, host: '127.0.0.1', passwordSet: true });
    await expect(invoke(c, 'mail.settings.save', { fromAddress: null })).rejects.toMatchObject({ code: 'invalid', fields: [{ field: 'fromAddress' }] });
    expect(await invoke(c, 'mail.settings.save', { password: '' })).toMatchObject({ passwordSet: false });
    expect(await invoke(c, 'mail.settings.save', { host: '' })).toMatchObject({ mode: 'drafts', host: null });
  });

  it('refuse a password where safeStorage would only obfuscate it (basic_text)', async () => {
    const c = await core({ secretStore: createSafeStorageSecretStore(safeStorage('basic_text'), 'linux') });
    await expect(configureSmtp(c, 2525, { password: PASSWORD })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('No password keyring'), fields: [{ field: 'password' }] });
    expect((await invoke(c, 'mail.settings.get', {})).passwordSet).toBe(false);
  });

  it('tell the CLI plainly that a password the desktop app saved is not readable there, and hold the mail', async () => {
    const app = await core({ secretStore: createSafeStorageSecretStore(safeStorage(), 'linux') });
    await configureSmtp(app, await freePort(), { user: 'office', password: PASSWORD });
    expect((await invoke(app, 'mail.settings.get', {})).secretBackend).toBe('safe-storage');
    // Nothing listens on that port: the test message fails, and the CLI below puts it back in the queue.
    expect((await invoke(app, 'mail.test', { to: 'me@county.example.org' })).message).toMatch(/^Cannot reach the mail server at 127\.0\.0\.1:\d+: nothing answered there/);
    await close(app);

    const cli = await core();
    const settings = await invoke(cli, 'mail.settings.get', {});
    expect(settings.passwordProblem).toMatch(/saved by the desktop app.*mail configure --password-env/);
    expect(await invoke(cli, 'mail.retry', { allFailed: true })).toEqual({ changed: 1 });
    expect(await invoke(cli, 'mail.sendDue', {})).toMatchObject({ sent: 0, failed: 0, problem: settings.passwordProblem });
    expect(await invoke(cli, 'mail.status', {})).toMatchObject({ counts: { queued: 1, failed: 0 }, problem: settings.passwordProblem });

    // `mail configure --password-env` stores it with the key file, which the app can read too.
    await invoke(cli, 'mail.settings.save', { password: PASSWORD });
    await close(cli);
    const appAgain = await core({ secretStore: createSafeStorageSecretStore(safeStorage(), 'linux') });
    expect(await invoke(appAgain, 'mail.settings.get', {})).toMatchObject({ passwordSet: true, passwordProblem: null });
  });
});
