import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirOverride, nativeBindingCachePath, profileDirFor, resolveNativeBinding } from './launch-config';

describe('dataDirOverride', () => {
  it('prefers --data-dir over HMIS_DATA_DIR, in both flag forms', () => {
    const env = { HMIS_DATA_DIR: '/from/env' };
    expect(dataDirOverride(['electron', '.', '--data-dir', '/from/flag'], env)).toBe(path.resolve('/from/flag'));
    expect(dataDirOverride(['electron', '.', '--data-dir=/from/flag'], env)).toBe(path.resolve('/from/flag'));
    expect(dataDirOverride(['electron', '.'], env)).toBe(path.resolve('/from/env'));
  });

  it('leaves the choice to Electron when nothing is given', () => {
    expect(dataDirOverride(['electron', '.', '--data-dir'], {})).toBeUndefined();
    expect(dataDirOverride(['electron', '.'], { HMIS_DATA_DIR: '' })).toBeUndefined();
  });

  it('keeps the Chromium profile inside an explicit data folder', () => {
    expect(profileDirFor('/data')).toBe(path.join('/data', 'electron-profile'));
  });
});

describe('resolveNativeBinding', () => {
  const cached = nativeBindingCachePath('/repo', { betterSqlite3: '12.6.2', electron: '45.5.0' }, 'win32', 'x64');

  it('keys the cached build by every version that changes the binary', () => {
    expect(cached).toBe(
      path.join('/repo', 'node_modules', '.cache', 'hmis-electron-native', 'better-sqlite3-12.6.2', 'electron-45.5.0-win32-x64', 'better_sqlite3.node'),
    );
  });

  it('uses better-sqlite3’s own lookup in a packaged app', () => {
    expect(resolveNativeBinding({ isPackaged: true, env: { HMIS_SQLITE_BINDING: '/x.node' }, cachedBinding: cached, exists: () => true })).toBeUndefined();
  });

  it('in development prefers HMIS_SQLITE_BINDING, then the cached Electron build if it exists', () => {
    expect(resolveNativeBinding({ isPackaged: false, env: { HMIS_SQLITE_BINDING: '/x.node' }, cachedBinding: cached, exists: () => true })).toBe(path.resolve('/x.node'));
    expect(resolveNativeBinding({ isPackaged: false, env: {}, cachedBinding: cached, exists: () => true })).toBe(cached);
    expect(resolveNativeBinding({ isPackaged: false, env: {}, cachedBinding: cached, exists: () => false })).toBeUndefined();
    expect(resolveNativeBinding({ isPackaged: false, env: {}, cachedBinding: null, exists: () => true })).toBeUndefined();
  });
});
