import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nativeBindingCachePath } from '../electron/main/launch-config';
import { cachePath, ensureElectronBinding, type NativeStep } from './electron-native.mjs';

const versions = { betterSqlite3: '12.6.2', electron: '45.5.0' };
let root: string;
let packageDir: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'hmis-native-'));
  packageDir = path.join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(path.join(packageDir, 'src'), { recursive: true });
  writeFileSync(path.join(packageDir, 'package.json'), '{"name":"better-sqlite3","version":"12.6.2"}');
  writeFileSync(path.join(packageDir, 'src', 'better_sqlite3.cpp'), '// source');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A step that "builds" by writing the binary where node-gyp and prebuild-install put it. */
const building: NativeStep = (work) => {
  mkdirSync(path.join(work, 'build', 'Release'), { recursive: true });
  writeFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), `built from ${readFileSync(path.join(work, 'package.json'), 'utf8')}`);
  return true;
};
const options = (steps: NativeStep[]) => ({ root, packageDir, versions, platform: 'linux', arch: 'x64', steps });

describe('electron-native', () => {
  it('uses the very path the main process looks in', () => {
    expect(cachePath(root, versions, 'win32', 'arm64')).toBe(nativeBindingCachePath(root, versions, 'win32', 'arm64'));
  });

  it('falls through to the next step and saves the binary built in a scratch copy', () => {
    const failing = vi.fn<NativeStep>(() => false);
    const outcome = ensureElectronBinding(options([failing, building]));
    expect(failing).toHaveBeenCalledOnce();
    expect(outcome.status).toBe('created');
    expect(readFileSync(outcome.target, 'utf8')).toContain('"version":"12.6.2"');
    // The Node build other tools use is never touched.
    expect(existsSync(path.join(packageDir, 'build'))).toBe(false);
  });

  it('does nothing when the binary is already there', () => {
    ensureElectronBinding(options([building]));
    const again = vi.fn<NativeStep>(building);
    expect(ensureElectronBinding(options([again])).status).toBe('present');
    expect(again).not.toHaveBeenCalled();
  });

  it('reports failure, leaving nothing behind, when no step produces a binary', () => {
    const outcome = ensureElectronBinding(options([() => false, () => true]));
    expect(outcome.status).toBe('failed');
    expect(existsSync(path.dirname(outcome.target))).toBe(false);
  });
});
