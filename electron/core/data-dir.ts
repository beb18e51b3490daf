import { homedir } from 'node:os';
import path from 'node:path';

const PRODUCT_NAME = 'HMIS Access Desk';

/**
 * Where the data lives when nothing says otherwise: the same folder Electron's `userData` is, so
 * the app, `npm run serve` and a CLI run from Task Scheduler all open one database.
 * Precedence everywhere: `--data-dir`, then `HMIS_DATA_DIR`, then this.
 */
function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), PRODUCT_NAME);
}

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag ?? env.HMIS_DATA_DIR ?? defaultDataDir(env));
}
