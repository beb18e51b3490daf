import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, resolveAppFile, serveAppRequest } from './app-protocol';

let root: string;
let rendererDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hmis-protocol-'));
  rendererDir = path.join(root, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>HMIS Access Desk</title>');
  await writeFile(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(root, 'secret.txt'), 'outside the renderer');
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('resolveAppFile', () => {
  it('maps app://hmis paths to files of the renderer build', () => {
    expect(resolveAppFile(rendererDir, 'app://hmis/assets/index-abc.js')).toBe(path.join(rendererDir, 'assets', 'index-abc.js'));
    expect(resolveAppFile(rendererDir, 'app://hmis/')).toBe(path.join(rendererDir, 'index.html'));
    expect(resolveAppFile(rendererDir, 'app://hmis/assets/index-abc.js?v=1#x')).toBe(path.join(rendererDir, 'assets', 'index-abc.js'));
  });

  it('serves index.html for client-side routes', () => {
    expect(resolveAppFile(rendererDir, 'app://hmis/people/42')).toBe(path.join(rendererDir, 'index.html'));
  });

  it.each([
    'app://hmis/%2e%2e/secret.txt',
    'app://hmis/../../secret.txt',
    'app://hmis/assets/./../index.html',
    'app://hmis/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
    'app://hmis/..%2fsecret.txt',
    'app://hmis/assets%5c..%5c..%5csecret.txt',
    'app://hmis/index.html%00.png',
    'app://hmis/%E0%A4%A',
    'app://elsewhere/index.html',
    'file:///etc/passwd',
    'nonsense',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(rendererDir, url)).toBeNull();
  });

  it('accepts file names that merely contain dots', () => {
    expect(resolveAppFile(rendererDir, 'app://hmis/assets/pdf.worker..min.mjs')).toBe(path.join(rendererDir, 'assets', 'pdf.worker..min.mjs'));
  });
});

describe('serveAppRequest', () => {
  const csp = "default-src 'self'";

  it('answers with the file, its type, the CSP and nosniff', async () => {
    const response = await serveAppRequest(rendererDir, { url: 'app://hmis/index.html', method: 'GET' }, csp);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('HMIS Access Desk');
  });

  it('answers 404 for a missing or refused file and 405 for a write', async () => {
    expect((await serveAppRequest(rendererDir, { url: 'app://hmis/assets/missing.js', method: 'GET' }, csp)).status).toBe(404);
    expect((await serveAppRequest(rendererDir, { url: 'app://hmis/%2e%2e/secret.txt', method: 'GET' }, csp)).status).toBe(404);
    expect((await serveAppRequest(rendererDir, { url: 'app://hmis/index.html', method: 'POST' }, csp)).status).toBe(405);
  });

  it('knows the types a Vite build emits', () => {
    expect(contentType('a/b/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentType('x.CSS')).toBe('text/css; charset=utf-8');
    expect(contentType('x.woff2')).toBe('font/woff2');
    expect(contentType('x.unknown')).toBe('application/octet-stream');
  });
});
