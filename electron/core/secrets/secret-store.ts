/**
 * Where the core keeps secrets (the SMTP password) without importing electron: the desktop app
 * passes a store backed by Electron's safeStorage, the host and CLI use the key file. Ciphertext
 * is stored together with `kind`, so a reader knows which store can decrypt it.
 */
export interface SecretStore {
  /** 'key-file' or 'safe-storage'; recorded beside every ciphertext. */
  readonly kind: string;
  /** Whether secrets can be stored here now, and if not why, in words for the Settings page. */
  available(): { ok: boolean; reason?: string };
  encrypt(plain: string): string;
  /** Throws when the ciphertext was altered or made with another key. */
  decrypt(cipher: string): string;
}
