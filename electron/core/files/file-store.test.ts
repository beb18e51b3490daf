import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileStore, type FileStore } from './file-store';

let root: string;
let store: FileStore;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'hmis-files-'));
  store = createFileStore(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF');
const sha = createHash('sha256').update(pdf).digest('hex');

describe('file store', () => {
  it('stores bytes under their SHA-256 and reads them back', async () => {
    const stored = await store.write(pdf);
    expect(stored).toEqual({ sha256: sha, size: pdf.byteLength, existed: false });
    expect(store.pathOf(sha)).toBe(path.join(root, sha.slice(0, 2), sha));
    expect(await store.read(sha)).toEqual(pdf);
  });

  it('keeps identical bytes once and says so', async () => {
    await store.write(pdf);
    expect(await store.write(pdf)).toMatchObject({ existed: true });
    expect(readdirSync(path.join(root, sha.slice(0, 2)))).toEqual([sha]);
  });

  it('leaves no temp file behind after a write', async () => {
    await store.write(pdf);
    expect(readdirSync(path.join(root, 'tmp'))).toEqual([]);
  });

  it('sweeps files no row names, and interrupted temp files, but keeps the named ones', async () => {
    await store.write(pdf);
    const orphan = await store.write(new TextEncoder().encode('%PDF-orphan'));
    mkdirSync(path.join(root, 'tmp'), { recursive: true });
    writeFileSync(path.join(root, 'tmp', 'half-written.part'), 'x');
    expect(await store.sweep((hash) => hash === sha)).toBe(1);
    expect(await store.has(sha)).toBe(true);
    expect(await store.has(orphan.sha256)).toBe(false);
    expect(existsSync(path.join(root, 'tmp'))).toBe(false);
  });

  it('refuses a name that is not a SHA-256 (no path tricks)', () => {
    expect(() => store.pathOf('../../etc/passwd')).toThrow(/Not a SHA-256/);
  });
});
