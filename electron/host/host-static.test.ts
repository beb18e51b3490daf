import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './http-util';
import { INDEX_HTML, rawRequest, startHostFixture, type HostFixture } from './host-fixture';

let f: HostFixture;

beforeAll(async () => {
  f = await startHostFixture();
});
afterAll(() => f.close());

const get = (path: string) => rawRequest(f.host.port, { path, headers: { Host: `127.0.0.1:${f.host.port}` } });

describe('the HTTP host: the built renderer', () => {
  it('serves index.html at / with the strict CSP and security headers', async () => {
    const res = await fetch(`${f.host.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it('serves assets with their content type, index.html for app routes, 404 for missing files', async () => {
    const script = await fetch(`${f.host.origin}/assets/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('console.log');
    expect(await (await fetch(`${f.host.origin}/people/12`)).text()).toBe(INDEX_HTML);
    expect((await fetch(`${f.host.origin}/assets/missing.js`)).status).toBe(404);
  });

  it('never serves a file outside the build folder', async () => {
    for (const path of ['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/../secret.txt', '/assets/%2e%2e%5c..%5csecret.txt']) {
      const res = await get(path);
      expect(res.body, path).not.toContain('outside the build');
      expect([403, 404], path).toContain(res.status);
      expect(res.headers['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('refuses a foreign Host for pages too', async () => {
    const res = await rawRequest(f.host.port, { path: '/', headers: { Host: 'attacker.example' } });
    expect(res.status).toBe(403);
  });
});

describe('the HTTP host before the renderer is built', () => {
  it('says how to build it', async () => {
    const unbuilt = await startHostFixture({ withIndex: false });
    try {
      const res = await fetch(`${unbuilt.host.origin}/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build:web');
      expect(unbuilt.host.token).not.toBe(f.host.token);
    } finally {
      await unbuilt.close();
    }
  });
});
