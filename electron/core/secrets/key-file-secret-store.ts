import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SecretStore } from './secret-store';

export const KEY_FILE_KIND = 'key-file';
const VERSION = 'v1';
// Binds a ciphertext to its purpose: one cut from another context does not decrypt here.
const AAD = Buffer.from('hmis-access-desk/secret/v1');

/**
 * AES-256-GCM with a random key in `<dataDir>/secret.key` (mode 0600, made on first use).
 * It keeps the password out of the database file and its backups; it does not protect against
 * someone who can read the user's own files (that is what safeStorage adds in the desktop app).
 */
export function createKeyFileSecretStore(dataDir: string): SecretStore {
  const keyFile = path.join(dataDir, 'secret.key');
  let key: Buffer | undefined;

  function loadKey(create: boolean): Buffer {
    if (key) return key;
    try {
      key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !create) throw error;
      key = createKeyFile(keyFile);
    }
    if (key.length !== 32) throw new Error(`${keyFile} is not a key this app wrote (wrong length).`);
    return key;
  }

  return {
    kind: KEY_FILE_KIND,
    available: async () => ({ ok: true }),
    async encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', loadKey(true), iv).setAAD(AAD);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    async decrypt(text) {
      const [version, iv, tag, body] = text.split(':');
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('This secret was not written by the key-file store.');
      const decipher = createDecipheriv('aes-256-gcm', loadKey(false), Buffer.from(iv, 'base64')).setAAD(AAD);
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

function createKeyFile(keyFile: string): Buffer {
  const fresh = randomBytes(32);
  try {
    // 'wx': if another process (the CLI beside the app) made it first, use theirs instead.
    writeFileSync(keyFile, `${fresh.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    throw error;
  }
  chmodSync(keyFile, 0o600); // the umask may have narrowed it already, never widened it; be explicit
  return fresh;
}
