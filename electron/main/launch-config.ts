import path from 'node:path';

/**
 * An explicit data folder: `--data-dir DIR` (or `--data-dir=DIR`), then `HMIS_DATA_DIR` — the same
 * precedence as the CLI and `npm run serve` (docs/ARCHITECTURE.md, "Data"). Undefined means Electron's userData.
 */
export function dataDirOverride(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--data-dir=') && arg.length > '--data-dir='.length) return path.resolve(arg.slice('--data-dir='.length));
    const next = argv[i + 1];
    if (arg === '--data-dir' && next) return path.resolve(next);
  }
  return env.HMIS_DATA_DIR ? path.resolve(env.HMIS_DATA_DIR) : undefined;
}

/**
 * Chromium's own profile (cache, storage, the single-instance lock) for an explicit data folder:
 * kept inside it, so two windows on two different databases (or two e2e tests) do not block each
 * other, while a second start on the same database still just focuses the first window.
 */
export const profileDirFor = (dataDir: string): string => path.join(dataDir, 'electron-profile');

/**
 * Where scripts/electron-native.mjs keeps the Electron-ABI build of better-sqlite3 (keep the two in
 * step). Keyed by every version that changes the binary, so a stale build is never loaded; the
 * Node-ABI build in node_modules stays untouched for `npm test`.
 */
export function nativeBindingCachePath(appPath: string, versions: { betterSqlite3: string; electron: string }, platform: string, arch: string): string {
  return path.join(
    appPath,
    'node_modules',
    '.cache',
    'hmis-electron-native',
    `better-sqlite3-${versions.betterSqlite3}`,
    `electron-${versions.electron}-${platform}-${arch}`,
    'better_sqlite3.node',
  );
}

export interface NativeBindingInput {
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
  /** The cache path above, or null when better-sqlite3's version could not be read. */
  cachedBinding: string | null;
  exists(file: string): boolean;
}

/**
 * Which better-sqlite3 binary the core should load. Packaged apps use the one electron-builder
 * rebuilt for Electron (undefined = better-sqlite3's own lookup); in development an explicit
 * `HMIS_SQLITE_BINDING` wins, then the cached Electron build.
 */
export function resolveNativeBinding({ isPackaged, env, cachedBinding, exists }: NativeBindingInput): string | undefined {
  if (isPackaged) return undefined;
  if (env.HMIS_SQLITE_BINDING) return path.resolve(env.HMIS_SQLITE_BINDING);
  return cachedBinding && exists(cachedBinding) ? cachedBinding : undefined;
}
