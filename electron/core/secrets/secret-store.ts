/**
 * Where the core keeps secrets (the SMTP password) without importing electron: the desktop app
 * passes a store backed by Electron's safeStorage, the host and CLI use the key file. Ciphertext
 * is stored together with `kind`, so a reader knows which store can decrypt it.
 *
 * Asynchronous because the core runs in a worker thread and Electron's safeStorage exists only on
 * the main process's thread: the desktop store is a request to main and back (core/worker).
 */
export interface SecretStore {
  /** 'key-file' or 'safe-storage'; recorded beside every ciphertext. */
  readonly kind: string;
  /** Whether secrets can be stored here now, and if not why, in words for the Settings page. */
  available(): Promise<{ ok: boolean; reason?: string }>;
  encrypt(plain: string): Promise<string>;
  /** Throws when the ciphertext was altered or made with another key. */
  decrypt(cipher: string): Promise<string>;
}
