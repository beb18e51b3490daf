import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Limits on what a client may hold open. The host serves one person's browser on this machine,
 * which needs a handful of sockets (six per origin in Chromium, plus the event stream); anything
 * far beyond that is a runaway script or another local user trying to starve it.
 */
export interface ConnectionLimits {
  /**
   * Open sockets at which the longest-idle one is closed for each new one. Idle means no request
   * in flight: a keep-alive socket between calls, a spare one opened ahead of time, or one still
   * dribbling its headers. Calls in flight are never cut.
   */
  maxConnections: number;
  /**
   * Room above `maxConnections` for new sockets while every open one has a call in flight, so a
   * normal call still gets through; beyond it Node drops the connection (server.maxConnections).
   */
  reserve: number;
  /** A request must have sent all its headers by then (a slow-loris client is cut off). */
  headersTimeoutMs: number;
  /** The whole request, body included: a 64 MB upload on this machine takes well under a second. */
  requestTimeoutMs: number;
  /** A kept-alive socket with no next request is closed after this. */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  maxConnections: 64,
  reserve: 16,
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
};

export interface ConnectionGuard {
  /** Closes every socket with no call in flight (shutdown). */
  destroyIdle(): void;
  /** Sockets open right now. */
  open(): number;
}

/**
 * Applies the limits to a server and keeps the books on its sockets. Node's own
 * closeIdleConnections() skips sockets that never sent a request, and browsers (and undici) open
 * such spare sockets ahead of time; tracking them here lets both the cap and shutdown reach them.
 */
export function guardConnections(server: Server, limits: ConnectionLimits): ConnectionGuard {
  server.maxConnections = limits.maxConnections + limits.reserve;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // Map order is the order sockets last became idle, so the first idle one is the longest idle.
  const idle = new Map<Socket, true>();
  const sockets = new Set<Socket>();

  function evictLongestIdle(): void {
    const [oldest] = idle.keys();
    if (!oldest) return;
    idle.delete(oldest);
    oldest.destroy();
  }

  server.on('connection', (socket: Socket) => {
    if (sockets.size >= limits.maxConnections) evictLongestIdle();
    sockets.add(socket);
    idle.set(socket, true);
    socket.on('close', () => {
      sockets.delete(socket);
      idle.delete(socket);
    });
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    idle.delete(socket);
    res.on('close', () => {
      if (!socket.destroyed) idle.set(socket, true);
    });
  });
  return {
    destroyIdle() {
      for (const socket of idle.keys()) socket.destroy();
    },
    open: () => sockets.size,
  };
}
