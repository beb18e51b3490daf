import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_TYPES } from '../../shared/web/content-types';

/**
 * The renderer is served from `app://hmis/...` rather than `file://`: a custom standard scheme
 * gives the page a real origin of its own, so `'self'` in the CSP means our files and nothing
 * else on the disk, and a link to `file:///etc/passwd` is not "same origin".
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hmis';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function decodedPathname(url: URL): string | null {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
}

/**
 * URL parsing folds `/../` and `/%2e%2e/` away before we see the path, which would turn a
 * traversal attempt into some other file; such a request is refused outright instead.
 */
function hasDotSegment(requestUrl: string): boolean {
  const rawPath = requestUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0] ?? '';
  return rawPath.split(/[/\\]|%2f|%5c/i).some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}

/**
 * Maps `app://hmis/<path>` to a file inside `rendererDir`, or null when the request must be refused:
 * another host, `..` (also percent-encoded), backslashes, NUL, or anything resolving outside.
 * A path without an extension is a client-side route, so it gets index.html.
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  if (hasDotSegment(requestUrl)) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  const decoded = decodedPathname(url);
  if (decoded === null || /[\\\0]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const relative = segments.length === 0 || path.extname(decoded) === '' ? 'index.html' : segments.join('/');
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * The body of `protocol.handle('app', ...)`, kept free of Electron so it is tested under Node.
 * Every response carries the CSP as a header, which (unlike a meta tag) also covers
 * `frame-ancestors`.
 */
export async function serveAppRequest(rendererDir: string, request: { url: string; method: string }, csp: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed');
  const file = resolveAppFile(rendererDir, request.url);
  if (!file) return refusal(404, 'Not found');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return refusal(404, 'Not found');
  }
  const headers = {
    'content-type': contentType(file),
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
