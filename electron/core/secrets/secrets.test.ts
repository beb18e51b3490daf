import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyFileSecretStore } from './key-file-secret-store';
import { createSafeStorageSecretStore, type SafeStorageLike } from './safe-storage-secret-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hmis-secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('key-file secret store', () => {
  it('encrypts with a key made on first use in a file only the user can read', async () => {
    const store = createKeyFileSecretStore(dir);
    const cipher = await store.encrypt('p@ssw0rd – ünïcode');
    expect(cipher).not.toContain('p@ssw0rd');
    expect(await store.decrypt(cipher)).toBe('p@ssw0rd – ünïcode');
    if (process.platform !== 'win32') expect(statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    // Another process (the CLI) reads what the app wrote, with the same key file.
    expect(await createKeyFileSecretStore(dir).decrypt(cipher)).toBe('p@ssw0rd – ünïcode');
    expect(await store.encrypt('same')).not.toBe(await store.encrypt('same'));
  });

  it('refuses altered ciphertext and a replaced key', async () => {
    const store = createKeyFileSecretStore(dir);
    const cipher = await store.encrypt('secret');
    const parts = cipher.split(':');
    const body = Buffer.from(parts[3] as string, 'base64');
    body[0] = (body[0] as number) ^ 1;
    await expect(store.decrypt([parts[0], parts[1], parts[2], body.toString('base64')].join(':'))).rejects.toThrow();
    writeFileSync(path.join(dir, 'secret.key'), Buffer.alloc(32, 7).toString('base64'));
    await expect(createKeyFileSecretStore(dir).decrypt(cipher)).rejects.toThrow();
    expect(readFileSync(path.join(dir, 'secret.key'), 'utf8')).not.toBe('');
  });
});

function fakeSafeStorage(backend: string, available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(`enc(${plain})`),
    decryptString: (cipher) => cipher.toString().replace(/^enc\((.*)\)$/, '$1'),
    getSelectedStorageBackend: () => backend,
  };
}

describe('safeStorage secret store (the Electron adapter, driven by a stand-in)', () => {
  it('round-trips through safeStorage where the OS protects the key', async () => {
    const store = createSafeStorageSecretStore(fakeSafeStorage('gnome_libsecret'), 'linux');
    expect(await store.available()).toEqual({ ok: true });
    expect(await store.decrypt(await store.encrypt('secret'))).toBe('secret');
  });

  it('refuses basic_text on Linux and says why', async () => {
    const store = createSafeStorageSecretStore(fakeSafeStorage('basic_text'), 'linux');
    expect(await store.available()).toMatchObject({ ok: false, reason: expect.stringContaining('No password keyring') });
    await expect(store.encrypt('secret')).rejects.toThrow(/No password keyring/);
    expect((await createSafeStorageSecretStore(fakeSafeStorage('basic_text'), 'win32').available()).ok).toBe(true);
    expect((await createSafeStorageSecretStore(fakeSafeStorage('unknown', false), 'win32').available()).ok).toBe(false);
  });
});
