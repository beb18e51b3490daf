import { KEY_FILE_KIND } from '../../secrets/key-file-secret-store';
import { SAFE_STORAGE_KIND } from '../../secrets/safe-storage-secret-store';
import type { SecretStore } from '../../secrets/secret-store';
import type { StoredSecret } from './mail-settings-store';

/** The store new secrets go to (safeStorage in the desktop app) and the key file every runtime can read. */
export interface Secrets {
  store: SecretStore;
  keyFile: SecretStore;
}

export type PasswordRead = { password: string | null; problem: null } | { password: null; problem: string };

/**
 * A password saved by the desktop app through safeStorage is readable only by the app (the OS ties
 * it to Electron's key). The CLI and the browser host read key-file passwords, which the app can
 * read too, so `mail configure --password-env` gives every runtime a password it can use.
 */
export async function readPassword(secret: StoredSecret | null, secrets: Secrets): Promise<PasswordRead> {
  if (!secret) return { password: null, problem: null };
  const reader = secret.kind === secrets.store.kind ? secrets.store : secret.kind === KEY_FILE_KIND ? secrets.keyFile : null;
  if (!reader) {
    const where = secret.kind === SAFE_STORAGE_KIND ? "by the desktop app in the computer's protected storage, which only the app can open" : `with "${secret.kind}", which is not available here`;
    return {
      password: null,
      problem: `The SMTP password was saved ${where}. Send from the desktop app, or run \`hmis-desk mail configure --password-env SMTP_PASSWORD\` (with the password in that variable) to store one the command line can use too.`,
    };
  }
  try {
    return { password: await reader.decrypt(secret.cipher), problem: null };
  } catch {
    return {
      password: null,
      problem: 'The stored SMTP password cannot be read any more (its key in secret.key is missing or was replaced, or the Windows account changed). Enter the password again in Settings.',
    };
  }
}
