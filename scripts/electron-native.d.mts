// Types for scripts/electron-native.mjs, so its test is type-checked like the rest.
export interface NativeVersions {
  betterSqlite3: string;
  electron: string;
}
export type NativeStep = (workDir: string, versions: NativeVersions) => boolean;
export function cachePath(root: string, versions: NativeVersions, platform: string, arch: string): string;
export function ensureElectronBinding(options: {
  root: string;
  packageDir: string;
  versions: NativeVersions;
  platform: string;
  arch: string;
  steps: NativeStep[];
}): { status: 'present' | 'created' | 'failed'; target: string };
