import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { CONTENT_TYPES } from '../../shared/web/content-types';
import { sendText } from './http-util';

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const NOT_BUILT = `HMIS Access Desk: the screens have not been built yet.

Run this once, then reload this page:

    npm run build:web

("npm run serve" does this for you.)
`;

interface FoundFile {
  file: string;
  size: number;
}

async function fileInside(root: string, relative: string): Promise<FoundFile | null> {
  const candidate = path.resolve(root, `.${path.sep}${relative}`);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  try {
    // realpath so a symlink inside the build cannot lead outside it.
    const real = await realpath(candidate);
    if (!real.startsWith(root + path.sep)) return null;
    const info = await stat(real);
    return info.isFile() ? { file: real, size: info.size } : null;
  } catch {
    return null;
  }
}

/** `/assets/app.js` -> `assets/app.js`; null for anything that tries to climb out or is malformed. */
function safeRelativePath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return null;
  return segments.join('/');
}

/** Paths without a file extension are the app's own pages (client-side routes): they get index.html. */
const looksLikeAppRoute = (relative: string) => path.extname(relative) === '';

export function createStaticFiles(staticDir: string) {
  const root = path.resolve(staticDir);
  let realRoot: string | null = null;
  const resolveRoot = async () => (realRoot ??= await realpath(root).catch(() => root));

  function sendFile(req: IncomingMessage, res: ServerResponse, { file, size }: FoundFile): void {
    const isHtml = file.endsWith('.html');
    res.writeHead(200, {
      'Content-Type': contentTypeOf(file),
      'Content-Length': size,
      // index.html must be fresh after a rebuild; hashed assets could be cached, but a local app gains little.
      'Cache-Control': isHtml ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  return async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Only GET and HEAD are served here.');
      return;
    }
    const relative = safeRelativePath(pathname);
    if (relative === null) {
      sendText(res, 403, 'That path is outside HMIS Access Desk.');
      return;
    }
    const base = await resolveRoot();
    const target = relative === '' ? null : await fileInside(base, relative);
    if (target) return sendFile(req, res, target);
    if (relative !== '' && !looksLikeAppRoute(relative)) {
      sendText(res, 404, 'Not found.');
      return;
    }
    const index = await fileInside(base, 'index.html');
    if (!index) {
      sendText(res, 503, NOT_BUILT);
      return;
    }
    sendFile(req, res, index);
  };
}
