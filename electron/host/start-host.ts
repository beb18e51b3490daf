import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../shared/app-error';
import type { DispatchFn } from '../../shared/contract/dispatch';
import type { EventHub } from '../core/events/event-hub';
import { DEFAULT_MAX_BODY_BYTES, handleApiCall } from './api-calls';
import { DEFAULT_CONNECTION_LIMITS, guardConnections, type ConnectionLimits } from './connection-limits';
import { DEFAULT_HEARTBEAT_MS, createEventStreams, type EventStreams } from './event-stream';
import { sendError, setSecurityHeaders } from './http-util';
import { bearerToken, refusalReason, tokenMatches } from './request-guard';
import { createStaticFiles } from './static-files';

export interface HostOptions {
  /** Every call goes through here: the core worker's dispatch in `npm run serve`. */
  dispatch: DispatchFn;
  hub: Pick<EventHub, 'subscribe'>;
  /** The built renderer (`out/web`). */
  staticDir: string;
  /** 0 picks any free port. */
  port?: number;
  /** Normally random per start; fixed only by tests. */
  token?: string;
  maxBodyBytes?: number;
  heartbeatMs?: number;
  /** Sockets and timeouts (connection-limits.ts); tests lower them. */
  limits?: Partial<ConnectionLimits>;
}

export interface Host {
  /** What to open in a browser: the token rides in the hash, which browsers never send to a server. */
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';
const EVENTS_PATH = '/api/events';

const unauthorized = new AppError('unauthorized', 'This browser tab is not signed in to HMIS Access Desk. Open the link the app printed when it started.');

const CROSS_ORIGIN_REFUSED = 'HMIS Access Desk answers only its own page: calls from other web pages are refused.';

interface Router {
  token: string;
  port: () => number;
  streams: EventStreams;
  serveStatic: ReturnType<typeof createStaticFiles>;
  dispatch: DispatchFn;
  maxBodyBytes: number;
}

async function route(req: IncomingMessage, res: ServerResponse, r: Router): Promise<void> {
  setSecurityHeaders(res);
  const refusal = refusalReason(req, r.port());
  if (refusal) return sendError(res, 403, { code: 'unauthorized', message: refusal });
  // No CORS: a preflight is how another origin asks leave to call us, and the answer is always
  // no. No response anywhere carries an Access-Control-* header, so a browser blocks the rest.
  if (req.method === 'OPTIONS') return sendError(res, 403, { code: 'unauthorized', message: CROSS_ORIGIN_REFUSED });
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === EVENTS_PATH && req.method === 'GET') {
    // EventSource cannot set headers, so the stream also takes the token from the query.
    if (!tokenMatches(url.searchParams.get('token') ?? bearerToken(req), r.token)) return sendError(res, 401, unauthorized);
    return r.streams.open(res);
  }
  if (url.pathname.startsWith(API_PREFIX) || url.pathname === '/api') {
    if (req.method !== 'POST') {
      return sendError(res, 405, { code: 'invalid', message: 'Calls to /api/ must use POST.' }, { Allow: 'POST' });
    }
    if (!tokenMatches(bearerToken(req), r.token)) return sendError(res, 401, unauthorized, { 'WWW-Authenticate': 'Bearer' });
    return handleApiCall(req, res, url.pathname.slice(API_PREFIX.length), { dispatch: r.dispatch, maxBodyBytes: r.maxBodyBytes });
  }
  return r.serveStatic(req, res, url.pathname);
}

function pathOnly(url: string | undefined): string {
  return (url ?? '/').split(/[?#]/)[0] ?? '/';
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // 127.0.0.1 only: the office network must never reach the master list through this port.
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** The contract over HTTP for a browser on this machine (`npm run serve`, e2e tests). */
export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const streams = createEventStreams(options.hub, options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  let boundPort = 0;
  const router: Router = {
    token,
    port: () => boundPort,
    streams,
    serveStatic: createStaticFiles(options.staticDir),
    dispatch: options.dispatch,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  };
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...options.limits };
  // Node checks the header and request timeouts on this beat (30 s by default): a quarter of the
  // shorter one keeps the cut-off close to what the limit says.
  const connectionsCheckingInterval = Math.max(50, Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4);
  const server = createServer({ connectionsCheckingInterval }, (req, res) => {
    route(req, res, router).catch((error: unknown) => {
      // The path only: the event stream carries the token in its query, and logs must never hold it.
      console.error(`HMIS Access Desk: ${req.method} ${pathOnly(req.url)} failed:`, error);
      if (!res.headersSent) sendError(res, 500, AppError.from(error));
      else res.destroy();
    });
  });
  const connections = guardConnections(server, limits);
  boundPort = await listen(server, options.port ?? 0);
  const origin = `http://127.0.0.1:${boundPort}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port: boundPort,
    close: () => closeServer(server, streams, connections.destroyIdle),
  };
}

/** Lets calls in flight finish, but not a stuck client hold shutdown hostage. */
const CLOSE_GRACE_MS = 2_000;

function closeServer(server: Server, streams: EventStreams, destroyIdle: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    streams.closeAll();
    const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
    server.close((error) => {
      clearTimeout(force);
      if (error) reject(error);
      else resolve();
    });
    destroyIdle();
  });
}
