import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const YML = path.resolve(import.meta.dirname, '../electron-builder.yml');

/**
 * The `electronFuses:` block as key → boolean. A deliberately small reader (the block is a flat
 * map of booleans); anything else inside it fails the test rather than being misread.
 */
function readFuses(text: string): Record<string, boolean> {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^electronFuses:\s*$/.test(line));
  if (start < 0) throw new Error('electron-builder.yml has no top-level electronFuses block');
  const fuses: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || /^\s+#/.test(line)) continue;
    if (!/^\s/.test(line)) break; // the next top-level key
    const match = /^\s+([A-Za-z]+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (!match) throw new Error(`Unexpected line in electronFuses: ${line}`);
    fuses[match[1]!] = match[2] === 'true';
  }
  return fuses;
}

describe('electron-builder.yml: the Electron fuses', () => {
  const fuses = readFuses(readFileSync(YML, 'utf8'));

  it('turns off every way to run the binary as a plain Node (nothing in the app forks)', () => {
    expect(fuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false });
  });

  it('encrypts cookies and loads the app only from an asar whose integrity is checked', () => {
    expect(fuses).toMatchObject({ enableCookieEncryption: true, enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true });
    expect(fuses.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('keeps asar packing on, which the asar fuses need', () => {
    expect(readFileSync(YML, 'utf8')).toMatch(/^asar: true$/m);
  });

  it('is right that nothing forks: no fork(), utilityProcess or child of our own binary in the shipped code', () => {
    const root = path.resolve(import.meta.dirname, '..');
    // electron/core/crash is the crash suite's harness: run by scripts/crash and its test, never
    // imported by the app. Starting another program (Chromium, for PDFs outside Electron) needs no
    // run-as-node; only a child of our own binary (process.execPath, fork) would.
    const shipped = ['electron', 'shared']
      .flatMap((dir) => readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).map((file) => path.join(dir, file)))
      .filter((file) => file.endsWith('.ts') && !/\.test\.ts$|[\\/]test-support[\\/]|^electron[\\/]core[\\/]crash[\\/]/.test(file));
    const forking = shipped.filter((file) => /\bfork\(|utilityProcess|process\.execPath|ELECTRON_RUN_AS_NODE/.test(readFileSync(path.join(root, file), 'utf8')));
    expect(shipped.length).toBeGreaterThan(50);
    expect(forking).toEqual([]);
    const importsHarness = shipped.filter((file) => /from '[./]*(core\/)?crash\//.test(readFileSync(path.join(root, file), 'utf8')));
    expect(importsHarness).toEqual([]);
  });
});
