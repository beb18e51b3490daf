import type { SecretStore } from './secret-store';

export const SAFE_STORAGE_KIND = 'safe-storage';

/** The part of Electron's `safeStorage` this store uses; main passes `safeStorage` itself. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(cipher: Buffer): string;
  /** Linux only in Electron; 'basic_text' means a hard-coded key, i.e. no real protection. */
  getSelectedStorageBackend?(): string;
}

/**
 * Electron's OS-backed encryption (DPAPI on Windows, Keychain on macOS, the keyring on Linux).
 * Refuses where the secret would only be obfuscated, so the office is told instead of misled.
 * In electron/main: `createCore({ …, secretStore: createSafeStorageSecretStore(safeStorage) })`.
 */
export function createSafeStorageSecretStore(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretStore {
  function available(): { ok: boolean; reason?: string } {
    if (!safeStorage.isEncryptionAvailable()) {
      return { ok: false, reason: 'This computer offers no protected storage for passwords to the app yet. Sign in to your desktop session (or unlock the keyring) and try again.' };
    }
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      return {
        ok: false,
        reason: 'No password keyring (GNOME Keyring or KWallet) is running, so the password could only be hidden, not protected. Start a keyring, or set the password from the command line with `mail configure --password-env`.',
      };
    }
    return { ok: true };
  }
  return {
    kind: SAFE_STORAGE_KIND,
    available: async () => available(),
    async encrypt(plain) {
      const state = available();
      if (!state.ok) throw new Error(state.reason);
      return safeStorage.encryptString(plain).toString('base64');
    },
    async decrypt(cipher) {
      return safeStorage.decryptString(Buffer.from(cipher, 'base64'));
    },
  };
}
